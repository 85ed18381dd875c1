package io.dealwire.index.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts every matching document: the total, the distinct conversations (when asked) and the values of
 * each facet dimension.
 *
 * <p>Why plain doc-values counting rather than lucene-facet's {@code SortedSetDocValuesFacetCounts}: the
 * latter needs a reader state (global ordinals) rebuilt on every near-real-time refresh, i.e. every
 * second while mail arrives; counting per-segment ordinals and merging the few non-zero values by term
 * costs nothing at refresh and stays cheap per query at this corpus size. The dimensions are the
 * {@code KeywordField}s' sorted-set doc values, so multi-valued fields (owners) count naturally.
 */
public final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {
    private final List<String> dimensions;
    private final String conversationField;
    private final int topPerDimension;

    /** @param conversationField sorted doc-values field whose distinct values are counted, or null */
    public FacetCounts(List<String> dimensions, String conversationField, int topPerDimension) {
        this.dimensions = List.copyOf(dimensions);
        this.conversationField = conversationField;
        this.topPerDimension = topPerDimension;
    }

    public record Result(long total, long conversations, Map<String, Map<String, Long>> facets) {
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Result reduce(Collection<Counter> collectors) {
        long total = 0;
        var conversations = new HashSet<BytesRef>();
        var merged = new HashMap<String, Map<String, Long>>();
        for (var c : collectors) {
            total += c.total;
            conversations.addAll(c.conversations);
            c.counts.forEach((dim, values) -> {
                var into = merged.computeIfAbsent(dim, d -> new HashMap<>());
                values.forEach((v, n) -> into.merge(v, n, Long::sum));
            });
        }
        var facets = new LinkedHashMap<String, Map<String, Long>>();
        for (var dim : dimensions) {
            var top = new LinkedHashMap<String, Long>();
            merged.getOrDefault(dim, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(topPerDimension)
                    .forEach(e -> top.put(e.getKey(), e.getValue()));
            facets.put(dim, top);
        }
        return new Result(total, conversationField == null ? total : conversations.size(), facets);
    }

    public final class Counter implements Collector {
        long total;
        final Set<BytesRef> conversations = new HashSet<>();
        final Map<String, Map<String, Long>> counts = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            var reader = context.reader();
            return new LeafCollector() {
                /**
                 * Opened at the segment's first match: each sorted-set reader allocates its terms dictionary's
                 * buffers, and a search is asked for a collector on every segment, matches or not (under ingest,
                 * a refresh a second adds small segments most searches find nothing in).
                 */
                private List<SortedSetDocValues> values;
                private List<Ordinals> ords;
                private SortedDocValues conv;
                private FixedBitSet convOrds;

                @Override
                public void setScorer(Scorable scorer) {
                }

                private void open() throws IOException {
                    values = new ArrayList<>(dimensions.size());
                    ords = new ArrayList<>(dimensions.size());
                    for (var dim : dimensions) {
                        values.add(DocValues.getSortedSet(reader, dim));
                        ords.add(new Ordinals());
                    }
                    if (conversationField != null) {
                        conv = DocValues.getSorted(reader, conversationField);
                        convOrds = new FixedBitSet(Math.max(1, conv.getValueCount()));
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (values == null) open();
                    total++;
                    for (int i = 0; i < values.size(); i++) {
                        var dv = values.get(i);
                        if (dv.advanceExact(doc)) {
                            var into = ords.get(i);
                            for (int k = 0, n = dv.docValueCount(); k < n; k++) into.add((int) dv.nextOrd());
                        }
                    }
                    if (conv != null && conv.advanceExact(doc)) convOrds.set(conv.ordValue());
                }

                @Override
                public void finish() throws IOException {
                    if (values == null) return; // no match in this segment
                    for (int i = 0; i < values.size(); i++) {
                        var dv = values.get(i);
                        var dimension = dimensions.get(i);
                        ords.get(i).count(dv.getValueCount(), (ord, n) -> counts.computeIfAbsent(dimension, d -> new HashMap<>())
                                .merge(dv.lookupOrd(ord).utf8ToString(), n, Long::sum));
                    }
                    if (conv != null) {
                        for (int ord = convOrds.nextSetBit(0); ord != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                             ord = ord + 1 < convOrds.length() ? convOrds.nextSetBit(ord + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
                            conversations.add(BytesRef.deepCopyOf(conv.lookupOrd(ord)));
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private interface OrdinalCount {
        void accept(int ord, long count) throws IOException;
    }

    /**
     * The ordinals one segment's matches hold in one dimension, counted at the end of the segment. A query
     * matching a few dozen messages should not pay for the dimension's thousands of values (an array of a
     * counter per value to allocate, then to scan): the ordinals are kept as they come and sorted, and only
     * when they are many compared with the values are they counted in such an array.
     */
    private static final class Ordinals {
        private int[] ords = new int[16];
        private int size;

        void add(int ord) {
            if (size == ords.length) ords = java.util.Arrays.copyOf(ords, size * 2);
            ords[size++] = ord;
        }

        /** Calls {@code out} once per distinct ordinal, in ordinal order, with how often it was added. */
        void count(long valueCount, OrdinalCount out) throws IOException {
            if (size == 0) return;
            if (size >= valueCount / 8) {
                var counts = new long[(int) valueCount];
                for (int i = 0; i < size; i++) counts[ords[i]]++;
                for (int ord = 0; ord < counts.length; ord++) if (counts[ord] != 0) out.accept(ord, counts[ord]);
                return;
            }
            java.util.Arrays.sort(ords, 0, size);
            for (int i = 0; i < size; ) {
                int j = i + 1;
                while (j < size && ords[j] == ords[i]) j++;
                out.accept(ords[i], j - i);
                i = j;
            }
        }
    }
}

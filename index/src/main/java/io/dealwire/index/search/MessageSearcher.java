package io.dealwire.index.search;

import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.analysis.MessageAnalyzers;
import io.dealwire.index.query.LuceneQueryBuilder;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dealwire.index.mapping.MessageFields.*;

/** Runs one {@link SearchRequest} on one point-in-time searcher: query, visibility, page, facets, snippets. */
public final class MessageSearcher {
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_PASSAGES = 2;
    private static final PassageScoring PASSAGE_SCORING = new PassageScoring();
    /** Hits whose stored fields stay in memory: a few megabytes (the preview is most of a hit). */
    private static final int CACHED_HITS = 4096;
    private static final Set<String> HIGHLIGHTED_FIELDS = Set.of(BODY + EN, BODY + FR, FULL);
    /** What a hit shows: read once per hit, the preview included (the highlighter works from that copy). */
    private static final Set<String> HIT_FIELDS = Set.of(ID, HEADER_ID, CONVERSATION, SUBJECT, FROM_DISPLAY, DATE, PREVIEW,
            DEAL, DEAL_TITLE, STAGE, COMPANY, COMPANY_NAME, DIRECTION, LANGUAGE, HAS_ATTACHMENT);
    private static final Query ERASED_MESSAGES = new TermQuery(new Term(ERASED, TRUE));
    private static final org.apache.lucene.search.Sort BY_RELEVANCE = new org.apache.lucene.search.Sort(
            SortField.FIELD_SCORE, new SortField(DATE, SortField.Type.LONG, true), new SortField(ID_ORDER, SortField.Type.LONG));
    private static final org.apache.lucene.search.Sort BY_DATE = new org.apache.lucene.search.Sort(
            new SortField(DATE, SortField.Type.LONG, true), new SortField(ID_ORDER, SortField.Type.LONG));

    private final MessageAnalyzers analyzers;
    private final LuceneQueryBuilder queries;
    private final HitDocuments hitDocuments = new HitDocuments(HIT_FIELDS, CACHED_HITS);

    public MessageSearcher(MessageAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.queries = new LuceneQueryBuilder(analyzers);
    }

    public SearchResult search(IndexSearcher searcher, SearchRequest request, Viewer viewer) throws IOException {
        if (request.within() != null) return newest(searcher, request, viewer);
        var userQuery = queries.build(request.q());
        var query = new BooleanQuery.Builder()
                .add(userQuery, Occur.MUST)
                .add(VisibilityFilter.of(viewer), Occur.FILTER)
                .build();
        var sort = request.sort() == SearchRequest.Sort.DATE ? BY_DATE : BY_RELEVANCE;
        FieldDoc after = request.cursor() == null ? null : Cursor.decode(request, request.cursor(), sort.getSort().length);

        var facets = new FacetCounts(FACETS, request.groupByConversation() ? CONVERSATION : null, FACET_VALUES);
        int batch = request.groupByConversation() ? Math.max(request.limit() * 3, 50) : request.limit() + 1;
        var first = searcher.search(query, new MultiCollectorManager(
                new TopFieldCollectorManager(sort, batch, after, 1), facets));
        var top = (TopFieldDocs) first[0];
        var counts = (FacetCounts.Result) first[1];

        List<FieldDoc> page = new ArrayList<>(request.limit());
        List<Integer> matches = new ArrayList<>(request.limit());
        boolean more;
        if (!request.groupByConversation()) {
            for (int i = 0; i < Math.min(request.limit(), top.scoreDocs.length); i++) {
                page.add((FieldDoc) top.scoreDocs[i]);
                matches.add(1);
            }
            more = top.scoreDocs.length > request.limit();
        } else {
            more = groupPage(searcher, query, sort, top, batch, request.limit(), page, matches);
        }

        var docs = documents(searcher, page);
        var snippets = snippets(searcher, userQuery, page, docs);
        var hits = new ArrayList<Hit>(page.size());
        for (int i = 0; i < page.size(); i++) {
            var fd = page.get(i);
            hits.add(hit(docs.get(i), snippets[i] == null ? "" : snippets[i], matches.get(i), Float.isNaN(fd.score) ? 0f : fd.score));
        }
        String next = more && !page.isEmpty() ? Cursor.encode(request, page.getLast()) : null;
        long total = request.groupByConversation() ? counts.conversations() : counts.total();
        return new SearchResult(total, hits, counts.facets(), next);
    }

    /** A {@link SearchRequest.Within} lookup: newest first, no facets, the plain start of the text as snippet. */
    private SearchResult newest(IndexSearcher searcher, SearchRequest request, Viewer viewer) throws IOException {
        var top = newestDocs(searcher, request, viewer, Integer.MAX_VALUE);
        return new SearchResult(top == null ? 0 : top.totalHits.value(), newestHits(searcher, top), Map.of(), null);
    }

    /**
     * The hits of a {@link SearchRequest.Within} lookup without their total: only as many matches are counted as
     * the request asks for, so a deal of thousands of messages costs a lookup of its newest few, not a count of all.
     */
    public List<Hit> newestHits(IndexSearcher searcher, SearchRequest request, Viewer viewer) throws IOException {
        if (request.within() == null) throw new IllegalArgumentException("a lookup of the newest messages needs a within");
        return newestHits(searcher, newestDocs(searcher, request, viewer, request.limit()));
    }

    /** The newest matches, counting at least {@code countUpTo} of them; null when the request names no deal or conversation. */
    private TopFieldDocs newestDocs(IndexSearcher searcher, SearchRequest request, Viewer viewer, int countUpTo) throws IOException {
        var within = request.within();
        var scope = new BooleanQuery.Builder();
        if (!within.dealIds().isEmpty())
            scope.add(new TermInSetQuery(DEAL, within.dealIds().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        if (!within.conversationIds().isEmpty())
            scope.add(new TermInSetQuery(CONVERSATION, within.conversationIds().stream().map(BytesRef::new).toList()), Occur.SHOULD);
        if (within.dealIds().isEmpty() && within.conversationIds().isEmpty()) return null;
        var query = new BooleanQuery.Builder()
                .add(queries.build(request.q()), Occur.MUST)
                .add(scope.build(), Occur.FILTER)
                .add(VisibilityFilter.of(viewer), Occur.FILTER);
        if (!within.withErased()) query.add(ERASED_MESSAGES, Occur.MUST_NOT);
        return searcher.search(query.build(), new TopFieldCollectorManager(BY_DATE, request.limit(), null, countUpTo));
    }

    private List<Hit> newestHits(IndexSearcher searcher, TopFieldDocs top) throws IOException {
        if (top == null) return List.of();
        var page = new ArrayList<FieldDoc>(top.scoreDocs.length);
        for (var sd : top.scoreDocs) page.add((FieldDoc) sd);
        var docs = documents(searcher, page);
        var hits = new ArrayList<Hit>(page.size());
        for (var doc : docs) hits.add(hit(doc, nullToEmpty(doc.get(PREVIEW)), 1, 0f));
        return hits;
    }

    private List<Document> documents(IndexSearcher searcher, List<FieldDoc> page) throws IOException {
        return hitDocuments.read(searcher, page);
    }

    private static Hit hit(Document doc, String snippet, int matches, float score) {
        var dateField = doc.getField(DATE);
        return new Hit(doc.get(ID), doc.get(HEADER_ID), doc.get(CONVERSATION), nullToEmpty(doc.get(SUBJECT)), nullToEmpty(doc.get(FROM_DISPLAY)),
                dateField == null ? null : Instant.ofEpochMilli(dateField.numericValue().longValue()),
                snippet, doc.get(DEAL), doc.get(DEAL_TITLE), doc.get(STAGE),
                doc.get(COMPANY), doc.get(COMPANY_NAME), doc.get(DIRECTION), doc.get(LANGUAGE),
                doc.get(HAS_ATTACHMENT) != null, matches, score);
    }

    /**
     * Keeps a hit only when it leads its conversation (its best match under the sort), so a conversation
     * appears once, on the page of its best message, whatever page is asked. Returns whether more may follow.
     */
    private boolean groupPage(IndexSearcher searcher, Query query, org.apache.lucene.search.Sort sort, TopFieldDocs top,
                              int batch, int limit, List<FieldDoc> page, List<Integer> matches) throws IOException {
        var stored = searcher.storedFields();
        boolean byScore = sort == BY_RELEVANCE;
        TopFieldDocs current = top;
        while (true) {
            var conversationOf = new String[current.scoreDocs.length];
            var wanted = new java.util.LinkedHashSet<BytesRef>();
            for (int i = 0; i < current.scoreDocs.length; i++) {
                conversationOf[i] = stored.document(current.scoreDocs[i].doc, Set.of(CONVERSATION)).get(CONVERSATION);
                wanted.add(new BytesRef(conversationOf[i]));
            }
            var inConversations = new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(new TermInSetQuery(CONVERSATION, wanted), Occur.FILTER).build();
            var leaders = searcher.search(inConversations, new ConversationLeaders(byScore));
            for (int i = 0; i < current.scoreDocs.length; i++) {
                var leader = leaders.get(conversationOf[i]);
                if (leader == null || leader.doc() != current.scoreDocs[i].doc) continue;
                if (page.size() == limit) return true;
                page.add((FieldDoc) current.scoreDocs[i]);
                matches.add(leader.matches());
            }
            if (current.scoreDocs.length < batch) return false;
            var last = (FieldDoc) current.scoreDocs[current.scoreDocs.length - 1];
            current = searcher.search(query, new TopFieldCollectorManager(sort, batch, last, 1));
        }
    }

    /**
     * Highlights each hit's preview, re-analysed with every form of each word stacked; the previews come from
     * the documents already read for the hits rather than from a second decompression of stored fields.
     */
    private String[] snippets(IndexSearcher searcher, Query userQuery, List<FieldDoc> page, List<Document> docs) throws IOException {
        if (page.isEmpty()) return new String[0];
        var previews = new java.util.HashMap<Integer, String>();
        for (int i = 0; i < page.size(); i++) previews.put(page.get(i).doc, nullToEmpty(docs.get(i).get(PREVIEW)));
        var collected = new java.util.HashSet<Term>();
        userQuery.visit(org.apache.lucene.search.QueryVisitor.termCollector(collected)); // excluded (-word) terms are not visited
        var terms = collected.stream().filter(t -> HIGHLIGHTED_FIELDS.contains(t.field())).toList();
        // Only the words: with anything else in the query (date ranges, filters) the highlighter would index
        // each preview in memory to run the query on it, several times slower than matching its tokens.
        var highlighted = new BooleanQuery.Builder();
        for (var t : terms) highlighted.add(new TermQuery(t), Occur.SHOULD);
        var highlightQuery = highlighted.build();
        var builder = UnifiedHighlighter.builder(searcher, analyzers.highlighting(terms.stream().map(Term::text).toList()))
                .withFieldMatcher(HIGHLIGHTED_FIELDS::contains)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxNoHighlightPassages(1)
                .withScorer(PASSAGE_SCORING)
                // No phrase, multi-term, relevancy or weight-match flags: those re-run the query on an in-memory
                // index per hit; streaming the preview's tokens against the query terms is several times faster,
                // at the price of highlighting a phrase's words wherever they occur in the passage. Set one by
                // one: Lucene 10.6's UnifiedHighlighter ignores Builder.withFlags (it reads its own, still unset,
                // flags while being built) and falls back to these switches, all on by default.
                .withHighlightPhrasesStrictly(false)
                .withHandleMultiTermQuery(false)
                .withPassageRelevancyOverSpeed(false)
                .withWeightMatches(false);
        var highlighter = new UnifiedHighlighter(builder) {
            /**
             * The preview is stored only, so its offsets always come from analysis. Said here because the default
             * finds that out from the field infos of the whole index, merged anew by each highlighter (one per
             * search): a tenth of a search's CPU on an index of a few segments.
             */
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.ANALYSIS;
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
                var values = new ArrayList<CharSequence[]>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    var text = previews.getOrDefault(doc, "");
                    var row = new CharSequence[fields.length];
                    java.util.Arrays.fill(row, text);
                    values.add(row);
                }
                return values;
            }
        };
        var top = new TopDocs(new TotalHits(page.size(), TotalHits.Relation.EQUAL_TO), page.toArray(ScoreDoc[]::new));
        return highlighter.highlight(PREVIEW, highlightQuery, top, SNIPPET_PASSAGES);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

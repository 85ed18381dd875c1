package io.dealwire.index.search;

import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.analysis.MessageAnalyzers;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.dealwire.index.mapping.MessageFields.*;

/**
 * Type-ahead over companies, deals and contacts, drawn from the messages the viewer may see: a rep is
 * only ever suggested names that appear in their own or shared mail, by construction (the same
 * visibility filter as search). Each word typed must start a word of the name; the last may be partial.
 */
public final class Suggester {
    public static final int MAX_PREFIX_CHARS = 100;
    private record Kind(String name, String textField, String labelField) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("company", COMPANY_TEXT, COMPANY_LABEL),
            new Kind("deal", DEAL_TEXT, DEAL_LABEL),
            new Kind("contact", FROM_TEXT, SENDER_LABEL));

    private final MessageAnalyzers analyzers;

    public Suggester(MessageAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    public List<Suggestion> suggest(IndexSearcher searcher, String prefix, Viewer viewer, int limit) throws IOException {
        if (prefix == null || prefix.isBlank() || limit <= 0) return List.of();
        var text = prefix.length() > MAX_PREFIX_CHARS ? prefix.substring(0, MAX_PREFIX_CHARS) : prefix;
        var visible = VisibilityFilter.of(viewer);
        var out = new ArrayList<Suggestion>();
        for (var kind : KINDS) {
            var words = words(kind.textField(), text);
            if (words.isEmpty()) continue;
            var q = new BooleanQuery.Builder().add(matching(kind.textField(), words), Occur.MUST).add(visible, Occur.FILTER).build();
            var counts = searcher.search(q, new FacetCounts(List.of(kind.labelField()), null, limit)).facets().get(kind.labelField());
            counts.forEach((label, n) -> {
                int sep = label.indexOf(LABEL_SEPARATOR);
                var id = label.substring(0, sep);
                var name = label.substring(sep + 1);
                // a sender matched by a word of another address in the same message is not a candidate
                if (kind.name().equals("contact") && !startsWords(id + " " + name, words)) return;
                out.add(new Suggestion(kind.name(), id, name.isEmpty() ? id : name, n));
            });
        }
        out.sort(Comparator.comparingLong(Suggestion::messages).reversed().thenComparing(Suggestion::label));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    private static Query matching(String field, List<String> words) {
        var b = new BooleanQuery.Builder();
        for (int i = 0; i < words.size() - 1; i++) b.add(new TermQuery(new Term(field, words.get(i))), Occur.MUST);
        b.add(new PrefixQuery(new Term(field, words.getLast())), Occur.MUST);
        return b.build();
    }

    private List<String> words(String field, String text) throws IOException {
        var words = new ArrayList<String>();
        try (var stream = analyzers.perField().tokenStream(field, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) words.add(term.toString());
            stream.end();
        }
        return words;
    }

    private boolean startsWords(String label, List<String> words) {
        try {
            var labelWords = words(FROM_TEXT, label);
            for (int i = 0; i < words.size(); i++) {
                var w = words.get(i);
                boolean last = i == words.size() - 1;
                if (labelWords.stream().noneMatch(lw -> last ? lw.startsWith(w) : lw.equals(w))) return false;
            }
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

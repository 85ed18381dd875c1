package io.dealwire.index.query;

import io.dealwire.index.analysis.MessageAnalyzers;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.util.List;
import java.util.Locale;

import static io.dealwire.index.mapping.MessageFields.*;

/**
 * Turns a parsed {@link QueryNode} into a Lucene query over the fields of the message index. Each free
 * word must match in at least one field; the language fields and the folded field are all asked, so a
 * word matches whatever language its message was analysed in. Filters (dates, flags, ids) do not score.
 */
public final class LuceneQueryBuilder {
    private record Weighted(String field, float boost) {
    }

    private static final List<Weighted> WORD_FIELDS = List.of(
            new Weighted(SUBJECT + EN, 2f), new Weighted(SUBJECT + FR, 2f), new Weighted(SUBJECT + FOLD, 1.5f),
            new Weighted(BODY + EN, 1f), new Weighted(BODY + FR, 1f),
            new Weighted(FROM_TEXT, 1f), new Weighted(TO_TEXT, 0.5f), new Weighted(CC_TEXT, 0.5f),
            new Weighted(FILENAME, 1f), new Weighted(COMPANY_TEXT, 0.5f), new Weighted(DEAL_TEXT, 0.5f));
    /**
     * The whole text, quoted and forwarded history included, folded: it counts less than the message's own
     * words, which also match their language's field.
     */
    private static final Weighted FULL_FIELD = new Weighted(FULL, 0.5f);

    private final QueryBuilder analysis;

    public LuceneQueryBuilder(MessageAnalyzers analyzers) {
        this.analysis = new QueryBuilder(analyzers.perField());
    }

    /** Queries built lately, by their text: a query is immutable and means the same every time (no relative dates). */
    private static final int CACHED_QUERIES = 1024;
    private final java.util.concurrent.ConcurrentHashMap<String, Query> built = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Parses and builds in one step. The same searches come again and again (a saved search, the next page,
     * the add-on's lookups), and building one analyses each word for a dozen fields: the result is kept.
     */
    public Query build(String query) {
        var cached = built.get(query);
        if (cached != null) return cached;
        var q = build(SearchQueryParser.parse(query));
        if (built.size() >= CACHED_QUERIES) built.clear();
        built.put(query, q);
        return q;
    }

    public Query build(QueryNode node) {
        var q = toQuery(node);
        return q == null ? new MatchAllDocsQuery() : q;
    }

    /** Returns null for a node that analyses to nothing (punctuation only): it then constrains nothing. */
    private Query toQuery(QueryNode node) {
        return switch (node) {
            case QueryNode.All a -> new MatchAllDocsQuery();
            case QueryNode.Word w -> text(w.text());
            case QueryNode.Phrase p -> text(p.text());
            case QueryNode.Operator op -> operator(op);
            case QueryNode.DateRange r -> dateRange(r);
            case QueryNode.Not n -> {
                var inner = toQuery(n.node());
                if (inner == null) yield null;
                yield new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(inner, Occur.MUST_NOT).build();
            }
            case QueryNode.Or or -> {
                var b = new BooleanQuery.Builder();
                int clauses = 0;
                for (var child : or.nodes()) {
                    var q = toQuery(child);
                    if (q != null) {
                        b.add(q, Occur.SHOULD);
                        clauses++;
                    }
                }
                yield clauses == 0 ? null : b.build();
            }
            case QueryNode.And and -> and(and);
        };
    }

    private Query and(QueryNode.And and) {
        var b = new BooleanQuery.Builder();
        int positive = 0;
        int clauses = 0;
        for (var child : and.nodes()) {
            if (child instanceof QueryNode.Not not) {
                var q = toQuery(not.node());
                if (q != null) {
                    b.add(q, Occur.MUST_NOT);
                    clauses++;
                }
            } else {
                var q = toQuery(child);
                if (q != null) {
                    b.add(q, Occur.MUST);
                    positive++;
                    clauses++;
                }
            }
        }
        if (clauses == 0) return null;
        if (positive == 0) b.add(new MatchAllDocsQuery(), Occur.FILTER);
        return b.build();
    }

    /** A word or phrase in every text field, the whole text (quoted and forwarded history) included. */
    private Query text(String text) {
        var b = new BooleanQuery.Builder();
        int clauses = 0;
        for (var f : WORD_FIELDS) {
            clauses += addShould(b, analysis.createPhraseQuery(f.field(), text), f.boost());
        }
        clauses += addShould(b, analysis.createPhraseQuery(FULL_FIELD.field(), text), FULL_FIELD.boost());
        return clauses == 0 ? null : b.build();
    }

    private Query operator(QueryNode.Operator op) {
        var value = op.value();
        var lower = value.toLowerCase(Locale.ROOT);
        return switch (op.name()) {
            case "from" -> participant(FROM_ADDR, FROM_TEXT, lower);
            case "to" -> participant(TO_ADDR, TO_TEXT, lower);
            case "cc" -> participant(CC_ADDR, CC_TEXT, lower);
            case "subject" -> {
                var b = new BooleanQuery.Builder();
                int n = 0;
                for (var f : SUBJECT_FIELDS) n += addShould(b, analysis.createPhraseQuery(f, value), 1f);
                yield n == 0 ? null : b.build();
            }
            case "company" -> idOrName(COMPANY, COMPANY_TEXT, value);
            case "deal" -> idOrName(DEAL, DEAL_TEXT, value);
            case "stage" -> filter(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(STAGE, value)), Occur.SHOULD)
                    .add(new TermQuery(new Term(STAGE, lower)), Occur.SHOULD).build());
            case "owner" -> filter(new TermQuery(new Term(OWNER, value)));
            case "mailbox" -> filter(new TermQuery(new Term(MAILBOX, value)));
            case "filename" -> analysis.createPhraseQuery(FILENAME, value);
            case "has" -> filter(new TermQuery(new Term(HAS_ATTACHMENT, TRUE)));
            case "is" -> filter(switch (lower) {
                case "automated" -> new TermQuery(new Term(AUTOMATED, TRUE));
                case "private" -> new TermQuery(new Term(PRIVATE, TRUE));
                default -> new TermQuery(new Term(DIRECTION, lower));
            });
            case "lang" -> filter(new TermQuery(new Term(LANGUAGE, lower)));
            default -> throw new IllegalStateException("operator without a query: " + op.name());
        };
    }

    /** An exact address, or words of the name and address in order ({@code from:dasovich}, {@code from:"Jeff D"}). */
    private Query participant(String addressField, String textField, String value) {
        var b = new BooleanQuery.Builder().add(new TermQuery(new Term(addressField, value)), Occur.SHOULD);
        addShould(b, analysis.createPhraseQuery(textField, value), 1f);
        return b.build();
    }

    private Query idOrName(String idField, String textField, String value) {
        var b = new BooleanQuery.Builder().add(new TermQuery(new Term(idField, value)), Occur.SHOULD);
        addShould(b, analysis.createPhraseQuery(textField, value), 1f);
        return filter(b.build());
    }

    private static Query dateRange(QueryNode.DateRange r) {
        long start = r.start().toEpochMilli();
        long end = r.end().toEpochMilli();
        return filter(switch (r.name()) {
            case "before" -> dates(Long.MIN_VALUE, start - 1);
            case "after" -> dates(start, Long.MAX_VALUE);
            default -> dates(start, end - 1);
        });
    }

    /**
     * Messages dated within [from, to]: by the points when the range leads the search, by each candidate's
     * date doc value when words already narrowed it to a few messages (a window of months holds a large part
     * of the mail, and collecting all of it per segment cost more than the words' matches).
     */
    private static Query dates(long from, long to) {
        return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(DATE, from, to), NumericDocValuesField.newSlowRangeQuery(DATE, from, to));
    }

    private static int addShould(BooleanQuery.Builder b, Query q, float boost) {
        if (q == null) return 0;
        b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        return 1;
    }

    /** Filters match or not: they must not outweigh the words in relevance. */
    private static Query filter(Query q) {
        return new BoostQuery(new ConstantScoreQuery(q), 0.01f);
    }
}

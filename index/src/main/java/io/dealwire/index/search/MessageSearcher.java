package io.dealwire.index.search;

import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.analysis.MessageAnalyzers;
import io.dealwire.index.query.LuceneQueryBuilder;
import org.apache.lucene.index.Term;
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
import java.util.Set;

import static io.dealwire.index.mapping.MessageFields.*;

/** Runs one {@link SearchRequest} on one point-in-time searcher: query, visibility, page, facets, snippets. */
public final class MessageSearcher {
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_PASSAGES = 2;
    private static final Set<String> HIGHLIGHTED_FIELDS = Set.of(BODY + EN, BODY + FR, BODY + FOLD);
    private static final org.apache.lucene.search.Sort BY_RELEVANCE = new org.apache.lucene.search.Sort(
            SortField.FIELD_SCORE, new SortField(DATE, SortField.Type.LONG, true), new SortField(ID, SortField.Type.STRING));
    private static final org.apache.lucene.search.Sort BY_DATE = new org.apache.lucene.search.Sort(
            new SortField(DATE, SortField.Type.LONG, true), new SortField(ID, SortField.Type.STRING));

    private final MessageAnalyzers analyzers;
    private final LuceneQueryBuilder queries;

    public MessageSearcher(MessageAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.queries = new LuceneQueryBuilder(analyzers);
    }

    public SearchResult search(IndexSearcher searcher, SearchRequest request, Viewer viewer) throws IOException {
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

        var snippets = snippets(searcher, userQuery, page);
        var hits = new ArrayList<Hit>(page.size());
        var stored = searcher.storedFields();
        for (int i = 0; i < page.size(); i++) {
            var fd = page.get(i);
            var doc = stored.document(fd.doc);
            var dateField = doc.getField(DATE);
            hits.add(new Hit(doc.get(ID), doc.get(HEADER_ID), doc.get(CONVERSATION), nullToEmpty(doc.get(SUBJECT)), nullToEmpty(doc.get(FROM_DISPLAY)),
                    dateField == null ? null : Instant.ofEpochMilli(dateField.numericValue().longValue()),
                    snippets[i] == null ? "" : snippets[i], doc.get(DEAL), doc.get(DEAL_TITLE), doc.get(STAGE),
                    doc.get(COMPANY), doc.get(COMPANY_NAME), doc.get(DIRECTION), doc.get(LANGUAGE),
                    doc.get(HAS_ATTACHMENT) != null, matches.get(i), Float.isNaN(fd.score) ? 0f : fd.score));
        }
        String next = more && !page.isEmpty() ? Cursor.encode(request, page.getLast()) : null;
        long total = request.groupByConversation() ? counts.conversations() : counts.total();
        return new SearchResult(total, hits, counts.facets(), next);
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

    private String[] snippets(IndexSearcher searcher, Query userQuery, List<FieldDoc> page) throws IOException {
        if (page.isEmpty()) return new String[0];
        var highlighter = UnifiedHighlighter.builder(searcher, analyzers.highlighting())
                .withFieldMatcher(HIGHLIGHTED_FIELDS::contains)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxNoHighlightPassages(1)
                // No phrase, multi-term or weight-match flags: those re-run the query on an in-memory index
                // per hit; streaming the preview's tokens against the query terms is several times faster,
                // at the price of highlighting a phrase's words wherever they occur in the passage.
                .withFlags(java.util.EnumSet.noneOf(UnifiedHighlighter.HighlightFlag.class))
                .build();
        var docs = new TopDocs(new TotalHits(page.size(), TotalHits.Relation.EQUAL_TO), page.toArray(ScoreDoc[]::new));
        return highlighter.highlight(PREVIEW, userQuery, docs, SNIPPET_PASSAGES);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

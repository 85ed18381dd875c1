package io.dealwire.index.search;

import io.dealwire.core.visibility.Viewer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import static io.dealwire.index.mapping.MessageFields.*;

/**
 * What a viewer may see, as a filter added to every search (hits, totals, facets and snippets all come
 * from the filtered query, so nothing can leak through any of them):
 * <ul>
 *   <li>managers and admins: every message;</li>
 *   <li>reps: messages with at least one copy in one of their mailboxes (own and shared);</li>
 *   <li>for everyone: private conversations and internal-only mail only when they own one of the
 *       message's mailboxes.</li>
 * </ul>
 */
public final class VisibilityFilter {
    private VisibilityFilter() {
    }

    public static Query of(Viewer viewer) {
        var b = new BooleanQuery.Builder();
        if (!viewer.role().seesEverything()) {
            if (viewer.mailboxIds().isEmpty()) return new MatchNoDocsQuery("viewer has no mailbox");
            b.add(KeywordField.newSetQuery(MAILBOX, viewer.mailboxIds().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        var unrestricted = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(new TermQuery(new Term(RESTRICTED, TRUE)), Occur.MUST_NOT).build();
        var mayRead = new BooleanQuery.Builder().add(unrestricted, Occur.SHOULD);
        if (viewer.userId() != null && !viewer.userId().isBlank()) {
            mayRead.add(new TermQuery(new Term(OWNER, viewer.userId())), Occur.SHOULD);
        }
        b.add(mayRead.build(), Occur.FILTER);
        return b.build();
    }
}

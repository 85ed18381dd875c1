package io.dealwire.index.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static io.dealwire.index.mapping.MessageFields.CONVERSATION;
import static io.dealwire.index.mapping.MessageFields.DATE;
import static io.dealwire.index.mapping.MessageFields.ID_ORDER;

/**
 * For a set of conversations, finds each one's leader (its first matching message under the page sort:
 * best score, then newest, then smallest id order; or newest, then smallest id order) and how many messages match.
 * One pass over the candidates' conversations instead of one query per conversation.
 */
final class ConversationLeaders implements CollectorManager<ConversationLeaders.Leaders, Map<String, ConversationLeaders.Leader>> {
    private final boolean byScore;

    ConversationLeaders(boolean byScore) {
        this.byScore = byScore;
    }

    record Leader(int doc, float score, long date, long idOrder, int matches) {
        /** True when {@code this} sorts before {@code other}. */
        boolean before(Leader other, boolean byScore) {
            if (byScore && score != other.score) return score > other.score;
            if (date != other.date) return date > other.date;
            return idOrder < other.idOrder;
        }
    }

    @Override
    public Leaders newCollector() {
        return new Leaders();
    }

    @Override
    public Map<String, Leader> reduce(Collection<Leaders> collectors) {
        var out = new HashMap<String, Leader>();
        for (var c : collectors) {
            c.leaders.forEach((conv, l) -> out.merge(conv, l, (a, b) -> {
                var first = a.before(b, byScore) ? a : b;
                return new Leader(first.doc, first.score, first.date, first.idOrder, a.matches + b.matches);
            }));
        }
        return out;
    }

    final class Leaders implements Collector {
        final Map<String, Leader> leaders = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            var conversations = DocValues.getSorted(context.reader(), CONVERSATION);
            var dates = DocValues.getNumeric(context.reader(), DATE);
            var ids = DocValues.getNumeric(context.reader(), ID_ORDER);
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!conversations.advanceExact(doc)) return;
                    var conv = conversations.lookupOrd(conversations.ordValue()).utf8ToString();
                    long date = dates.advanceExact(doc) ? dates.longValue() : 0L;
                    long order = ids.advanceExact(doc) ? ids.longValue() : 0L;
                    var candidate = new Leader(base + doc, byScore ? scorer.score() : 0f, date, order, 1);
                    leaders.merge(conv, candidate, (a, b) -> {
                        var first = a.before(b, byScore) ? a : b;
                        return new Leader(first.doc, first.score, first.date, first.idOrder, a.matches + b.matches);
                    });
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return byScore ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}

package io.dealwire.index.query;

import java.time.Instant;
import java.util.List;

/** The parsed form of a search query, before it is turned into a Lucene query. */
public sealed interface QueryNode {

    /** The empty query: everything the viewer may see. */
    record All() implements QueryNode {
    }

    /** A free word, searched in subject, text, participants, file names, company and deal. */
    record Word(String text) implements QueryNode {
    }

    /** A quoted phrase, searched in the same fields (except the quoted history, which has no positions). */
    record Phrase(String text) implements QueryNode {
    }

    /** {@code name:value} or {@code name:"some value"}; {@code name} is lower-case and known. */
    record Operator(String name, String value, boolean phrase) implements QueryNode {
    }

    /** before:/after:/on: — the period named by the date: [start, end). */
    record DateRange(String name, Instant start, Instant end) implements QueryNode {
    }

    record Not(QueryNode node) implements QueryNode {
    }

    record Or(List<QueryNode> nodes) implements QueryNode {
        public Or {
            nodes = List.copyOf(nodes);
        }
    }

    record And(List<QueryNode> nodes) implements QueryNode {
        public And {
            nodes = List.copyOf(nodes);
        }
    }
}

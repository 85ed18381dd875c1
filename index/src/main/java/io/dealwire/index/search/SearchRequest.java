package io.dealwire.index.search;

import java.util.Set;

/**
 * One search.
 *
 * @param q                   the query in the search syntax ({@code io.dealwire.index.query.SearchQueryParser}); blank = everything
 * @param limit               hits per page, 1..{@value #MAX_LIMIT} (0 or less means {@value #DEFAULT_LIMIT}; more is capped)
 * @param cursor              the {@code next} of the previous page, or null for the first page
 * @param sort                by relevance (then newest) or by date (newest first)
 * @param groupByConversation one hit per conversation: its best message under the chosen sort
 * @param within              null for a search; else a timeline lookup (see {@link Within})
 */
public record SearchRequest(String q, int limit, String cursor, Sort sort, boolean groupByConversation, Within within) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public enum Sort { RELEVANCE, DATE }

    /**
     * Only the messages of these deals or these conversations (exact ids): what the context beside a message
     * shows. Erased messages are left out unless {@code withErased} (their date and direction still count
     * as activity). Answered without facets, grouping or highlighting: each hit's {@code snippet} is the
     * plain (not HTML) start of the message's own text.
     */
    public record Within(Set<String> dealIds, Set<String> conversationIds, boolean withErased) {
        public Within {
            dealIds = Set.copyOf(dealIds);
            conversationIds = Set.copyOf(conversationIds);
        }

        public Within(Set<String> dealIds, Set<String> conversationIds) {
            this(dealIds, conversationIds, false);
        }
    }

    public SearchRequest {
        q = q == null ? "" : q;
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (within != null) groupByConversation = false;
    }

    public SearchRequest(String q, int limit, String cursor, Sort sort, boolean groupByConversation) {
        this(q, limit, cursor, sort, groupByConversation, null);
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, DEFAULT_LIMIT, null, Sort.RELEVANCE, false);
    }

    /** The newest {@code limit} messages matching {@code q} (blank: all) among those of {@code within}. */
    public static SearchRequest newest(String q, Within within, int limit) {
        return new SearchRequest(q, limit, null, Sort.DATE, false, java.util.Objects.requireNonNull(within, "within"));
    }

    public SearchRequest withCursor(String next) {
        return new SearchRequest(q, limit, next, sort, groupByConversation, within);
    }
}

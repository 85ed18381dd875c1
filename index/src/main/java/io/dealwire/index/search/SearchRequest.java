package io.dealwire.index.search;

/**
 * One search.
 *
 * @param q                   the query in the search syntax ({@code io.dealwire.index.query.SearchQueryParser}); blank = everything
 * @param limit               hits per page, 1..{@value #MAX_LIMIT} (0 or less means {@value #DEFAULT_LIMIT}; more is capped)
 * @param cursor              the {@code next} of the previous page, or null for the first page
 * @param sort                by relevance (then newest) or by date (newest first)
 * @param groupByConversation one hit per conversation: its best message under the chosen sort
 */
public record SearchRequest(String q, int limit, String cursor, Sort sort, boolean groupByConversation) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public enum Sort { RELEVANCE, DATE }

    public SearchRequest {
        q = q == null ? "" : q;
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, DEFAULT_LIMIT, null, Sort.RELEVANCE, false);
    }

    public SearchRequest withCursor(String next) {
        return new SearchRequest(q, limit, next, sort, groupByConversation);
    }
}

package io.dealwire.index.query;

import io.dealwire.index.search.SearchRequestException;

/**
 * A query that does not follow the search syntax. {@link #position()} is the 0-based offset of the
 * problem in the query; the message names the column (1-based) and says what is expected there.
 */
public final class QuerySyntaxException extends SearchRequestException {
    private final int position;
    private final String problem;

    public QuerySyntaxException(String problem, int position) {
        super(problem + " (at column " + (position + 1) + ")");
        this.problem = problem;
        this.position = position;
    }

    public int position() {
        return position;
    }

    /** The message without the column, for clients that show the position themselves. */
    public String problem() {
        return problem;
    }
}

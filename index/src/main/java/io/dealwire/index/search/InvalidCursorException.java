package io.dealwire.index.search;

/** A cursor that was not produced by this index for this same query and sort. */
public final class InvalidCursorException extends SearchRequestException {
    public InvalidCursorException(String message) {
        super(message);
    }
}

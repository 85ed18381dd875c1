package io.dealwire.index.search;

/** A search request the index cannot run as asked (bad query, bad cursor): the caller's mistake, a 400. */
public class SearchRequestException extends RuntimeException {
    public SearchRequestException(String message) {
        super(message);
    }
}

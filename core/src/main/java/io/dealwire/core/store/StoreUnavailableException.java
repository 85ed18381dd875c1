package io.dealwire.core.store;

/**
 * The store cannot be reached or cannot write right now (server down, connection cut, data dir not
 * writable). Callers treat it as temporary: the API answers 503 with Retry-After, pollers pause and
 * retry, and no checkpoint advances past a write that failed this way.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}

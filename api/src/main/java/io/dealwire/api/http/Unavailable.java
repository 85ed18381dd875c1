package io.dealwire.api.http;

/** A dependency (the store) cannot answer right now: the API says 503 with Retry-After instead of hanging. */
public final class Unavailable extends RuntimeException {
    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

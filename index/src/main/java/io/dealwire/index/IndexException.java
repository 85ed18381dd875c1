package io.dealwire.index;

/** The index could not be read or written (disk full, corrupt files, closed index). */
public final class IndexException extends RuntimeException {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}

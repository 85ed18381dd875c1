package io.dealwire.core.correction;

/** A correction that cannot be applied as asked (merging a record into itself, splitting at a conversation's root…). */
public final class InvalidCorrectionException extends RuntimeException {
    public InvalidCorrectionException(String message) {
        super(message);
    }
}

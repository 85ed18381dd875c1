package io.dealwire.core.correction;

/** A correction names a message, conversation, deal, contact or company the store does not hold. */
public final class UnknownRecordException extends RuntimeException {
    public UnknownRecordException(String kind, String id) {
        super("no " + kind + " with id '" + id + "': it may have been merged, erased or never existed");
    }
}

package io.dealwire.core.intake;

import io.dealwire.core.store.StoreUnavailableException;

/**
 * One message of a batch could not be accepted, so none of the batch was: {@link #index()} says which,
 * so that the caller can name it (its UID, its file) in the error a person reads.
 */
public final class BatchItemException extends RuntimeException {
    private final int index;

    public BatchItemException(int index, RuntimeException cause) {
        super("message " + (index + 1) + " of the batch could not be accepted: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
        this.index = index;
    }

    /**
     * What to throw when the message at {@code index} failed with {@code e}: a store that is away is not the
     * message's fault and passes unchanged (the caller pauses and retries the batch); anything else names it.
     */
    public static RuntimeException of(int index, RuntimeException e) {
        return e instanceof StoreUnavailableException ? e : new BatchItemException(index, e);
    }

    /** Position of the failing message in the batch, from 0. */
    public int index() {
        return index;
    }
}

package io.dealwire.store.embedded.bson;

import io.dealwire.core.store.StoreUnavailableException;

/** The store file was written in a format this version cannot read (a newer Dealwire wrote it). */
public final class StoreFormatException extends StoreUnavailableException {
    public StoreFormatException(String message) {
        super(message);
    }
}

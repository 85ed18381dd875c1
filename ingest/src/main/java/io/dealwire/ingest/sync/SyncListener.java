package io.dealwire.ingest.sync;

import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.StoredMessage;

import java.util.List;

/**
 * Hears what sync does, for the index (new messages searchable at once) and the API. Called on the
 * mailbox's sync thread after the store commit; implementations must be quick and must not throw.
 */
public interface SyncListener {

    /** Messages of one batch, durably stored (committed). */
    default void stored(String mailboxId, String folder, List<StoredMessage> messages) {
    }

    /** The mailbox's state changed; {@code error} is the last error or null. */
    default void stateChanged(String mailboxId, SyncState state, String error) {
    }

    /** One sync pass over every folder of a mailbox finished. */
    default void passCompleted(String mailboxId, PassSummary summary) {
    }
}

package io.dealwire.core.intake;

import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;

import java.util.List;
import java.util.Optional;

/**
 * Where parsed mail enters the CRM, whatever read it (IMAP sync, a labeled-case replay). Calls are
 * idempotent: the same message accepted twice, or from two mailboxes, is stored once with every location.
 * Durability is the caller's: it commits the store before advancing its own checkpoint.
 */
public interface Intake {

    StoredMessage accept(MailMessage mail, MessageLocation location);

    /** A message read at a location, waiting to be accepted. */
    record Incoming(MailMessage mail, MessageLocation location) {
    }

    /**
     * Accepts a batch, in order, as {@link #accept} would one message at a time, and returns the stored messages
     * in the same order. An adapter may write the batch at once; a message that cannot be accepted fails the
     * batch with a {@link BatchItemException} naming its position.
     */
    default List<StoredMessage> acceptAll(List<Incoming> batch) {
        var out = new java.util.ArrayList<StoredMessage>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                out.add(accept(batch.get(i).mail(), batch.get(i).location()));
            } catch (RuntimeException e) {
                throw BatchItemException.of(i, e);
            }
        }
        return out;
    }

    /** The server expunged the copy at this location: the message stays, that location is marked gone. */
    Optional<StoredMessage> gone(MessageLocation location);
}

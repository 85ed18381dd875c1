package io.dealwire.core.intake;

import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;

import java.util.Optional;

/**
 * Where parsed mail enters the CRM, whatever read it (IMAP sync, a labeled-case replay). Calls are
 * idempotent: the same message accepted twice, or from two mailboxes, is stored once with every location.
 * Durability is the caller's: it commits the store before advancing its own checkpoint.
 */
public interface Intake {

    StoredMessage accept(MailMessage mail, MessageLocation location);

    /** The server expunged the copy at this location: the message stays, that location is marked gone. */
    Optional<StoredMessage> gone(MessageLocation location);
}

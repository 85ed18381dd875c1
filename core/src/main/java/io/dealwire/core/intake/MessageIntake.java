package io.dealwire.core.intake;

import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;

import java.util.Optional;

/**
 * Stores a message with its location, keeping what was already known about it (links, corrections).
 * Linking and stage inference are added by the steps of {@link #process(StoredMessage, boolean)}.
 */
public class MessageIntake implements Intake {
    protected final Store store;

    public MessageIntake(Store store) {
        this.store = store;
    }

    @Override
    public StoredMessage accept(MailMessage mail, MessageLocation location) {
        var existing = store.messages().find(mail.id());
        if (existing.isPresent()) {
            var known = existing.get();
            boolean hasSlot = known.locations().stream().anyMatch(l -> l.sameSlot(location) && l.gone() == location.gone());
            return hasSlot ? known : store.messages().save(known.withLocation(location));
        }
        var fresh = StoredMessage.of(mail).withLocation(location);
        return store.messages().save(process(fresh, true));
    }

    /** The CRM's reading of a new message (conversation, direction, links). The base intake only threads by Message-ID. */
    protected StoredMessage process(StoredMessage message, boolean isNew) {
        var mail = message.mail();
        String conversation = !mail.references().isEmpty() ? mail.references().getFirst()
                : mail.inReplyTo() != null ? mail.inReplyTo()
                : mail.messageId() != null ? mail.messageId() : mail.id();
        return message.with(b -> b.conversationId = conversation);
    }

    @Override
    public Optional<StoredMessage> gone(MessageLocation location) {
        return store.messages().findByMailbox(location.mailboxId(), location.folder()).stream()
                .filter(m -> m.locations().stream().anyMatch(l -> l.sameSlot(location) && !l.gone()))
                .findFirst()
                .map(m -> store.messages().save(m.withLocation(location.markGone())));
    }
}

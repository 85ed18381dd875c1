package io.dealwire.index;

import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;

import java.time.Instant;
import java.util.List;

/** Builds stored messages for index tests. */
public final class Messages {
    private Messages() {
    }

    public static StoredMessage message(String id, String subject, String text, String from, String date) {
        var mail = new MailMessage(id, id + "@example.test", null, List.of(), subject, address(from), List.of(EmailAddress.of("rep@dealwire.test")),
                List.of(), Instant.parse(date), text, text, "", "", List.of(), null, null, List.of(), "", text.length());
        return StoredMessage.of(mail).with(b -> {
            b.conversationId = "conv-" + id;
            b.direction = Direction.INBOUND;
            b.locations = List.of(new MessageLocation("mb-1", "INBOX", 1, 1, false));
        });
    }

    public static StoredMessage withMailbox(StoredMessage m, String... mailboxIds) {
        var locations = java.util.Arrays.stream(mailboxIds).map(id -> new MessageLocation(id, "INBOX", 1, 1, false)).toList();
        return m.with(b -> b.locations = locations);
    }

    public static StoredMessage withAttachment(StoredMessage m, String filename, String type) {
        var mail = m.mail();
        var withFile = new MailMessage(mail.id(), mail.messageId(), mail.inReplyTo(), mail.references(), mail.subject(), mail.from(),
                mail.to(), mail.cc(), mail.date(), mail.text(), mail.newText(), mail.signature(), mail.html(),
                List.of(new Attachment(filename, type, 100, "0")), mail.invite(), mail.automated(), mail.warnings(),
                mail.contentHash(), mail.size());
        return m.with(b -> b.mail = withFile);
    }

    public static StoredMessage withCc(StoredMessage m, String cc) {
        var mail = m.mail();
        var changed = new MailMessage(mail.id(), mail.messageId(), mail.inReplyTo(), mail.references(), mail.subject(), mail.from(),
                mail.to(), List.of(address(cc)), mail.date(), mail.text(), mail.newText(), mail.signature(), mail.html(),
                mail.attachments(), mail.invite(), mail.automated(), mail.warnings(), mail.contentHash(), mail.size());
        return m.with(b -> b.mail = changed);
    }

    /** "Name <addr>" or a bare address. */
    public static EmailAddress address(String s) {
        int lt = s.indexOf('<');
        if (lt < 0) return EmailAddress.of(s);
        return new EmailAddress(s.substring(lt + 1, s.indexOf('>')), s.substring(0, lt).trim());
    }
}

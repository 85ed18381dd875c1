package io.dealwire.core.inference;

import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.CalendarInvite;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.StoredMessage;

import java.time.Instant;
import java.util.List;

/** Stored messages for inference and activity tests: direction, date, new text, attachments, invite. */
public final class Mails {
    private Mails() {
    }

    public static StoredMessage message(String id, Direction direction, String date, String newText) {
        return message(id, direction, date, newText, List.of(), null, null);
    }

    public static StoredMessage message(String id, Direction direction, String date, String newText,
                                        List<String> attachmentNames, CalendarInvite invite, String automated) {
        var ours = EmailAddress.of("rep@northwind.fr");
        var theirs = EmailAddress.of("claire@acme.fr");
        var from = direction == Direction.INBOUND ? theirs : ours;
        var to = direction == Direction.INBOUND ? ours : direction == Direction.INTERNAL ? EmailAddress.of("boss@northwind.fr") : theirs;
        var attachments = attachmentNames.stream().map(n -> new Attachment(n, "application/pdf", 1000, "sha-" + n)).toList();
        var mail = new MailMessage(id, id + "@test", null, List.of(), "Subject", from, List.of(to), List.of(), Instant.parse(date),
                newText, newText, "", "", attachments, invite, automated, List.of(), "hash-" + id, newText.length());
        return StoredMessage.of(mail).with(b -> {
            b.direction = direction;
            b.dealId = "d1";
        });
    }
}

package io.dealwire.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One email as Dealwire understands it, independent of where it was read from.
 *
 * @param id          stable Dealwire id: derived from the Message-ID and content hash, so the same
 *                    message read twice (or from two mailboxes) gets the same id
 * @param messageId   the Message-ID header without angle brackets, or null when the mail has none
 * @param inReplyTo   the In-Reply-To id without angle brackets, or null
 * @param references  the References ids, oldest first
 * @param text        the whole text of the message (text/plain preferred, else HTML converted to text)
 * @param newText     the text this message adds: quoted history and signature removed
 * @param signature   the signature block of {@code newText}'s author, or empty
 * @param html        the HTML body as received (capped), or empty; it is sanitised before display
 * @param automated   why the message is automated (auto-reply, list, bulk, bounce…), or null for a person's mail
 * @param warnings    what could not be parsed cleanly; the message is kept regardless
 * @param contentHash hash of the sender, date, subject and body, used to recognise copies
 * @param size        the raw size in bytes
 */
public record MailMessage(
        String id,
        String messageId,
        String inReplyTo,
        List<String> references,
        String subject,
        EmailAddress from,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        Instant date,
        String text,
        String newText,
        String signature,
        String html,
        List<Attachment> attachments,
        CalendarInvite invite,
        String automated,
        List<String> warnings,
        String contentHash,
        long size) {

    public MailMessage {
        Objects.requireNonNull(id, "id");
        references = List.copyOf(references == null ? List.of() : references);
        subject = subject == null ? "" : subject;
        to = List.copyOf(to == null ? List.of() : to);
        cc = List.copyOf(cc == null ? List.of() : cc);
        text = text == null ? "" : text;
        newText = newText == null ? text : newText;
        signature = signature == null ? "" : signature;
        html = html == null ? "" : html;
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        contentHash = contentHash == null ? "" : contentHash;
    }

    public boolean isAutomated() {
        return automated != null;
    }

    /** From, To and Cc, in that order, without repeats. */
    public List<EmailAddress> participants() {
        var seen = new java.util.LinkedHashMap<String, EmailAddress>();
        if (from != null) seen.put(from.address(), from);
        for (var a : to) seen.putIfAbsent(a.address(), a);
        for (var a : cc) seen.putIfAbsent(a.address(), a);
        return List.copyOf(seen.values());
    }

    public MailMessage withText(String newText, String signature) {
        return new MailMessage(id, messageId, inReplyTo, references, subject, from, to, cc, date, text, newText,
                signature, html, attachments, invite, automated, warnings, contentHash, size);
    }
}

package io.dealwire.api.message;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.scope.Scope;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.Role;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Reads one message for a viewer: metadata and sanitized body, or its stored text as a download. Blocking. */
public final class MessageService {
    private final Store store;

    public MessageService(Store store) {
        this.store = store;
    }

    public MessageView get(Scope scope, String id, boolean remoteImages) {
        var m = scope.requireMessage(id);
        var mail = m.mail();
        var body = m.erased() ? new MailBodies.Sanitized("", 0) : MailBodies.sanitize(mail.html(), remoteImages);
        return new MessageView(m.id(), mail.messageId(), m.conversationId(), mail.subject(),
                mail.from() == null ? "" : mail.from().toString(),
                mail.to().stream().map(EmailAddress::toString).toList(), mail.cc().stream().map(EmailAddress::toString).toList(),
                mail.date(), m.direction() == null ? null : m.direction().name().toLowerCase(Locale.ROOT), m.language(), m.dealId(),
                m.companyId(), m.contactIds(), mail.attachments(), mail.automated(), mail.warnings(), m.privateConversation(), m.erased(),
                m.erased() ? "" : mail.text(), body.html(), body.blockedImages(), remoteImages);
    }

    /**
     * The message as a text download. The raw MIME source is not kept by Dealwire, so this is the stored text
     * under its main headers. Allowed to admins and managers, and to a rep for mail of a mailbox they own;
     * everyone else gets a 404 as if the message did not exist. Erased messages have nothing left to download.
     */
    public String raw(Scope scope, String id) {
        var m = scope.requireMessage(id);
        if (m.erased() || !mayDownload(scope, m)) throw ApiException.notFound("no message " + id);
        var mail = m.mail();
        var out = new StringBuilder();
        out.append("X-Dealwire-Note: the original MIME source is not stored; this is the text Dealwire kept of the message\n");
        if (mail.messageId() != null) out.append("Message-ID: <").append(mail.messageId()).append(">\n");
        if (mail.date() != null) out.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(mail.date().atOffset(java.time.ZoneOffset.UTC))).append('\n');
        if (mail.from() != null) out.append("From: ").append(mail.from()).append('\n');
        if (!mail.to().isEmpty()) out.append("To: ").append(String.join(", ", mail.to().stream().map(EmailAddress::toString).toList())).append('\n');
        if (!mail.cc().isEmpty()) out.append("Cc: ").append(String.join(", ", mail.cc().stream().map(EmailAddress::toString).toList())).append('\n');
        out.append("Subject: ").append(mail.subject()).append('\n');
        for (var a : mail.attachments())
            out.append("X-Attachment: ").append(a.filename()).append(" (").append(a.contentType()).append(", ").append(a.size()).append(" bytes)\n");
        out.append('\n').append(mail.text());
        return out.toString();
    }

    private boolean mayDownload(Scope scope, StoredMessage m) {
        if (scope.user().role() != Role.REP) return true;
        var me = scope.user().id();
        return m.locations().stream().anyMatch(l -> store.mailboxes().find(l.mailboxId()).map(b -> me.equals(b.ownerId())).orElse(false));
    }
}

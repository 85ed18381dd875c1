package io.dealwire.store.mapping;

import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.CalendarInvite;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

import static io.dealwire.store.mapping.BsonValues.*;

/** {@link StoredMessage} to and from its document in the {@code messages} collection; the message id is the {@code _id}. */
public final class MessageMapping {
    public static final String COLLECTION = "messages";
    public static final String SEQ = "seq";
    public static final String MESSAGE_ID = "mail.messageId";
    public static final String CONVERSATION = "conversationId";
    public static final String DEAL = "dealId";
    public static final String LOCATIONS = "locations";
    public static final String LOCATION_MAILBOX = "mailboxId";
    public static final String LOCATION_FOLDER = "folder";

    private MessageMapping() {
    }

    public static Document toDocument(StoredMessage m) {
        var locations = new ArrayList<Document>(m.locations().size());
        for (var l : m.locations()) {
            locations.add(new Document(LOCATION_MAILBOX, l.mailboxId()).append(LOCATION_FOLDER, l.folder())
                    .append("uidValidity", l.uidValidity()).append("uid", l.uid()).append("gone", l.gone()));
        }
        return new Document("_id", m.id())
                .append(SEQ, m.seq())
                .append("mail", mail(m.mail()))
                .append(CONVERSATION, m.conversationId())
                .append("direction", name(m.direction()))
                .append("language", m.language())
                .append("companyId", m.companyId())
                .append("contactIds", m.contactIds())
                .append(DEAL, m.dealId())
                .append("linkSource", name(m.linkSource()))
                .append("linkConfidence", m.linkConfidence())
                .append("needsReview", m.needsReview())
                .append("privateConversation", m.privateConversation())
                .append("erased", m.erased())
                .append("ignored", m.ignored())
                .append(LOCATIONS, locations);
    }

    /** The locations of a message document (or of a projection holding them). */
    public static List<MessageLocation> locations(Document d) {
        var locations = new ArrayList<MessageLocation>();
        for (var l : documents(d, LOCATIONS)) {
            locations.add(new MessageLocation(l.getString(LOCATION_MAILBOX), l.getString(LOCATION_FOLDER),
                    longOf(l, "uidValidity"), longOf(l, "uid"), boolOf(l, "gone")));
        }
        return locations;
    }

    public static StoredMessage fromDocument(Document d) {
        var locations = locations(d);
        return new StoredMessage(
                mail(d.getString("_id"), d.get("mail", Document.class)),
                d.getString(CONVERSATION),
                enumOf(d, "direction", Direction.class),
                d.getString("language"),
                d.getString("companyId"),
                strings(d, "contactIds"),
                d.getString(DEAL),
                enumOf(d, "linkSource", LinkSource.class),
                doubleOf(d, "linkConfidence"),
                boolOf(d, "needsReview"),
                boolOf(d, "privateConversation"),
                boolOf(d, "erased"),
                boolOf(d, "ignored"),
                locations,
                longOf(d, SEQ));
    }

    private static Document mail(MailMessage m) {
        var attachments = new ArrayList<Document>(m.attachments().size());
        for (var a : m.attachments()) {
            attachments.add(new Document("filename", a.filename()).append("contentType", a.contentType())
                    .append("size", a.size()).append("sha256", a.sha256()));
        }
        var invite = m.invite() == null ? null : new Document("method", m.invite().method())
                .append("start", date(m.invite().start())).append("summary", m.invite().summary());
        return new Document("messageId", m.messageId())
                .append("inReplyTo", m.inReplyTo())
                .append("references", m.references())
                .append("subject", m.subject())
                .append("from", address(m.from()))
                .append("to", addresses(m.to()))
                .append("cc", addresses(m.cc()))
                .append("date", date(m.date()))
                .append("text", m.text())
                // most messages add all their text: kept once (read back as null, which MailMessage turns into text)
                .append("newText", m.newText().equals(m.text()) ? null : m.newText())
                .append("signature", m.signature())
                .append("html", m.html())
                .append("attachments", attachments)
                .append("invite", invite)
                .append("automated", m.automated())
                .append("warnings", m.warnings())
                .append("contentHash", m.contentHash())
                .append("size", m.size());
    }

    private static MailMessage mail(String id, Document d) {
        var attachments = new ArrayList<Attachment>();
        for (var a : documents(d, "attachments")) {
            attachments.add(new Attachment(a.getString("filename"), a.getString("contentType"), longOf(a, "size"), a.getString("sha256")));
        }
        var i = d.get("invite", Document.class);
        var invite = i == null ? null : new CalendarInvite(i.getString("method"), instant(i, "start"), i.getString("summary"));
        return new MailMessage(id, d.getString("messageId"), d.getString("inReplyTo"), strings(d, "references"),
                d.getString("subject"), address(d.get("from", Document.class)), addressesFrom(documents(d, "to")),
                addressesFrom(documents(d, "cc")), instant(d, "date"), d.getString("text"), d.getString("newText"),
                d.getString("signature"), d.getString("html"), attachments, invite, d.getString("automated"),
                strings(d, "warnings"), d.getString("contentHash"), longOf(d, "size"));
    }

    private static Document address(EmailAddress a) {
        return a == null ? null : new Document("address", a.address()).append("name", a.name());
    }

    private static EmailAddress address(Document d) {
        return d == null ? null : new EmailAddress(d.getString("address"), d.getString("name"));
    }

    private static List<Document> addresses(List<EmailAddress> list) {
        return list.stream().map(MessageMapping::address).toList();
    }

    private static List<EmailAddress> addressesFrom(List<Document> list) {
        return list.stream().map(MessageMapping::address).toList();
    }
}

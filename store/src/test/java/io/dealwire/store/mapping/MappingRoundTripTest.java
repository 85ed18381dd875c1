package io.dealwire.store.mapping;

import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.CalendarInvite;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.store.StoreFactory;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every field of the records survives the trip to a document and back, through BSON and through a store. */
class MappingRoundTripTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    static StoredMessage fullMessage() {
        var mail = new MailMessage("m1", "abc@acme.example", "prev@ours.example", List.of("root@ours.example", "prev@ours.example"),
                "Re: Quote", new EmailAddress("dana@acme.example", "Dana Smith"),
                List.of(new EmailAddress("rep@ours.example", "Rep")), List.of(EmailAddress.of("cfo@acme.example")), T0,
                "Yes, go ahead.\n\n> Here is our quote", "Yes, go ahead.", "Dana Smith\nCFO", "<p>Yes, go ahead.</p>",
                List.of(new Attachment("quote.pdf", "application/pdf", 12345, "ab12")),
                new CalendarInvite("REQUEST", T0.plusSeconds(86400), "Kick-off"), null, List.of("unknown charset x-foo"),
                "hash-1", 4321);
        return new StoredMessage(mail, "conv-1", Direction.INBOUND, "en", "co1", List.of("p1", "p2"), "d1", LinkSource.PERSON,
                1.0, true, true, false, true, List.of(new MessageLocation("mb1", "INBOX", 7, 42, false),
                new MessageLocation("mb2", "Sent Items", 9, 3, true)), 17);
    }

    @Test
    void aMessageWithEveryFieldSetRoundTrips() {
        var m = fullMessage();
        var viaBson = Document.parse(MessageMapping.toDocument(m).toJson());
        assertEquals(m, MessageMapping.fromDocument(MessageMapping.toDocument(m)));
        assertEquals(m.mail().newText(), MessageMapping.fromDocument(viaBson).mail().newText());
        var plain = StoredMessage.of(new MailMessage("m2", null, null, null, null, null, null, null, null, "Only text", null,
                null, null, null, null, "auto-reply", null, null, 0));
        assertEquals(plain, MessageMapping.fromDocument(MessageMapping.toDocument(plain)));
        assertNull(MessageMapping.toDocument(plain).get("mail", Document.class).get("newText"), "text kept once");
    }

    @Test
    void messagesAndFolderNamesThatAreNotValidFieldNamesRoundTripThroughTheStore() {
        var folders = List.of("INBOX", "a.b", "$Trash", "100%", "[Gmail]/Sent Mail", "Éléments envoyés", "%2E");
        var sync = new HashMap<String, FolderSync>();
        for (int i = 0; i < folders.size(); i++) sync.put(folders.get(i), new FolderSync(folders.get(i), i + 1, 10L * i, 0, 0, i, i, i));
        var mb = new Mailbox("mb1", "Sales", "imap.example", 993, Security.TLS, "sales", "enc", folders, LocalDate.parse("2024-01-01"),
                "u1", true, false, "ff00", SyncState.IDLE, "none", Map.copyOf(sync), T0);
        try (var store = StoreFactory.open(null, dataDir)) {
            store.messages().save(fullMessage());
            assertEquals(fullMessage().withSeq(store.messages().lastSeq()), store.messages().find("m1").orElseThrow());
            store.mailboxes().save(mb);
            store.mailboxes().saveFolder("mb1", new FolderSync("a.b", 99, 1000, 5, 1, 2, 3, 4));
            var back = store.mailboxes().find("mb1").orElseThrow();
            assertEquals(folders.size(), back.folderSync().size());
            assertEquals(1000, back.folderSync().get("a.b").lastUid());
            assertEquals(sync.get("%2E"), back.folderSync().get("%2E"));
            assertEquals(mb.withFolder(new FolderSync("a.b", 99, 1000, 5, 1, 2, 3, 4)), back);
        }
    }
}

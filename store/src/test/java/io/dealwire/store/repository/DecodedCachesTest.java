package io.dealwire.store.repository;

import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import io.dealwire.store.MongoStore;
import io.dealwire.store.StoreFactory;
import io.dealwire.store.lookup.IndexedCollection;
import io.dealwire.store.mapping.MailboxMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The decoded copies the embedded store keeps in memory always say what the server holds. */
class DecodedCachesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void recentMessagesStayWithinTheirBudgetAndNeverGoBackToAnOlderVersion() {
        var recent = new RecentMessages(10_000);
        for (int i = 0; i < 50; i++) {
            recent.put(message("m" + i, "x".repeat(500)).withSeq(i + 1));
        }
        assertTrue(recent.size() < 50 && recent.size() >= 5, "kept " + recent.size());
        assertNotNull(recent.get("m49"), "the newest is kept");
        assertNull(recent.get("m0"), "the least recently used went first");

        var newer = message("m49", "newer").withSeq(100);
        recent.put(newer);
        recent.put(message("m49", "older read racing the write").withSeq(49));
        assertEquals("newer", recent.get("m49").mail().text());

        recent.forget(List.of("m49"));
        assertNull(recent.get("m49"));
        recent.clear();
        assertEquals(0, recent.size());
    }

    @Test
    void decodedMailboxesFollowEveryKindOfWrite() {
        try (var store = StoreFactory.open(null, dataDir);
             var client = com.mongodb.client.MongoClients.create(store.embedded().orElseThrow().connectionString())) {
            var mailboxes = store.mailboxes();
            // the same collection read straight from the server, decoding every time
            var server = new MongoMailboxRepository(new IndexedCollection(client.getDatabase(MongoStore.DEFAULT_DATABASE)
                    .getCollection(MailboxMapping.COLLECTION), List.of(), null), new StoreGuard("test"));

            assertEquals(List.of(), mailboxes.list());
            mailboxes.save(mailbox("mb1", "Sales"));
            mailboxes.save(mailbox("mb2", "Support"));
            assertEquals(server.list(), mailboxes.list());

            mailboxes.saveFolder("mb1", new FolderSync("INBOX", 7, 120, 3, 1, 120, 120, 120));
            mailboxes.saveFolder("mb1", new FolderSync("Sent", 8, 40, 0, 10, 30, 30, 39));
            mailboxes.saveState("mb1", SyncState.ERROR, "login refused");
            assertEquals(server.find("mb1"), mailboxes.find("mb1"));
            assertEquals(SyncState.ERROR, mailboxes.find("mb1").orElseThrow().state());
            assertEquals(120, mailboxes.find("mb1").orElseThrow().folderSync().get("INBOX").lastUid());

            mailboxes.save(mailbox("mb1", "Sales EU")); // an admin's edit replaces the document
            assertEquals(server.find("mb1"), mailboxes.find("mb1"));
            mailboxes.delete("mb2");
            assertEquals(server.list(), mailboxes.list());
            assertTrue(mailboxes.find("mb2").isEmpty());

            ((MongoMailboxRepository) mailboxes).forgetDecoded();
            assertEquals(server.list(), mailboxes.list());
        }
    }

    private static Mailbox mailbox(String id, String name) {
        return new Mailbox(id, name, "127.0.0.1", 143, Security.NONE, "user", "enc", List.of("INBOX"), null, "u1", false, true,
                null, SyncState.CONNECTING, null, null, T0);
    }

    private static StoredMessage message(String id, String text) {
        var mail = StoreContract.mail(id, id + "@x", "Hello", T0);
        return StoredMessage.of(new io.dealwire.core.message.MailMessage(mail.id(), mail.messageId(), mail.inReplyTo(),
                mail.references(), mail.subject(), mail.from(), mail.to(), mail.cc(), mail.date(), text, text, "", "",
                List.of(), null, null, List.of(), "", text.length()));
    }
}

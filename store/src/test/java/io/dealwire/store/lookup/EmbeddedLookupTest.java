package io.dealwire.store.lookup;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreContract;
import io.dealwire.core.user.ApiToken;
import io.dealwire.store.MongoStore;
import io.dealwire.store.repository.MongoMessageRepository;
import io.dealwire.store.StoreFactory;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The embedded store's in-process lookups: they answer exactly what the in-memory reference store
 * answers after any mix of saves, rewrites and deletes (also once reloaded from the file), and a lookup
 * reaches the server only as a read by {@code _id}, never as a query the server would scan for.
 */
class EmbeddedLookupTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final int KEYS = 6;

    @TempDir
    Path dataDir;

    @Test
    void lookupsAgreeWithTheReferenceStoreAfterRandomSavesRewritesAndDeletes() {
        var reference = new InMemoryStore();
        var random = new Random(20250301);
        try (var store = StoreFactory.open(null, dataDir)) {
            for (int step = 0; step < 600; step++) applyRandomOperation(random, reference, store);
            assertSameAnswers(reference, store);
        }
        try (var reopened = StoreFactory.open(null, dataDir)) {
            assertSameAnswers(reference, reopened);
            for (int step = 0; step < 200; step++) applyRandomOperation(random, reference, reopened);
            assertSameAnswers(reference, reopened);
        }
    }

    @Test
    void hotLookupsReadOnlyByIdAndUnknownKeysDoNotReachTheServer() {
        var commands = new CopyOnWriteArrayList<BsonDocument>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        var embedded = EmbeddedMongo.start(dataDir);
        var client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(embedded.connectionString())).addCommandListener(listener).build());
        try (var store = MongoStore.onEmbedded(embedded, client)) {
            for (int i = 0; i < 50; i++) {
                store.messages().save(message("m" + i, "mid" + i, "c" + (i % 5), "d" + (i % 3), "mb" + (i % 2), i % 4 == 0 ? "Sent" : "INBOX"));
            }
            store.contacts().save(contact("p1", "dana@acme.example"));
            store.companies().save(new Company("co1", "Acme", List.of("acme.example"), T0));
            store.users().saveToken(new ApiToken("t1", "u1", "hash-1", "cli", T0, null));

            // messages this process just wrote are answered from memory, decoded
            commands.clear();
            lookUpEveryKey(store);
            assertEquals("mid7", store.messages().find("m7").orElseThrow().mail().messageId());
            assertEquals(List.of(), commands.stream().filter(c -> c.containsKey("find")).toList());

            // once forgotten, they are read by id only, and then kept again
            ((MongoMessageRepository) store.messages()).forgetRecent();
            commands.clear();
            lookUpEveryKey(store);
            var finds = commands.stream().filter(c -> c.containsKey("find")).toList();
            assertTrue(finds.size() >= 1 && finds.size() <= 6, "one query by id at most per lookup: " + commands);
            for (var find : finds) assertEquals(Set.of("_id"), find.getDocument("filter").keySet(), find.toJson());

            // small collections read on every message are answered from memory
            commands.clear();
            assertEquals("p1", store.contacts().findByEmail("Dana@acme.example").orElseThrow().id());
            assertEquals("co1", store.companies().findByDomain("acme.example").orElseThrow().id());
            assertEquals("t1", store.users().findTokenByHash("hash-1").orElseThrow().id());
            assertEquals(25, store.messages().countByMailbox("mb0", null));
            assertEquals(List.of(), commands);

            long last = store.messages().lastSeq();
            commands.clear();
            assertTrue(store.messages().findByMessageId("unknown").isEmpty());
            assertTrue(store.messages().findByMailbox("mb9", null).isEmpty());
            assertTrue(store.contacts().findByEmail("nobody@acme.example").isEmpty());
            assertTrue(store.users().findTokenByHash("nope").isEmpty());
            assertTrue(store.messages().changedSince(last, 10).isEmpty());
            assertTrue(store.messages().find("m-new").isEmpty());
            assertEquals(List.of(), commands);
        }
    }

    private static void applyRandomOperation(Random random, Store reference, Store store) {
        int op = random.nextInt(10);
        String id = "m" + random.nextInt(40);
        if (op < 5) {
            var m = message(id, "mid" + random.nextInt(KEYS), "c" + random.nextInt(KEYS),
                    random.nextInt(4) == 0 ? null : "d" + random.nextInt(KEYS), "mb" + random.nextInt(3),
                    random.nextBoolean() ? "INBOX" : "Sent");
            if (random.nextInt(3) == 0) m = m.withLocation(new MessageLocation("mb" + random.nextInt(3), "Archive", 5, random.nextInt(1000), false));
            reference.messages().save(m);
            store.messages().save(m);
        } else if (op == 5) {
            var batch = new ArrayList<StoredMessage>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                batch.add(message("m" + random.nextInt(40), "mid" + random.nextInt(KEYS), "c" + random.nextInt(KEYS),
                        "d" + random.nextInt(KEYS), "mb" + random.nextInt(3), "INBOX"));
            }
            reference.messages().saveAll(batch);
            store.messages().saveAll(batch);
        } else if (op == 6) {
            reference.messages().delete(id);
            store.messages().delete(id);
        } else if (op == 7) {
            var c = random.nextInt(4) == 0
                    ? contact("p" + random.nextInt(8), "e" + random.nextInt(KEYS) + "@x.example", "e" + random.nextInt(KEYS) + "@y.example")
                    : contact("p" + random.nextInt(8), "e" + random.nextInt(KEYS) + "@x.example");
            reference.contacts().save(c);
            store.contacts().save(c);
        } else if (op == 8) {
            String p = "p" + random.nextInt(8);
            reference.contacts().delete(p);
            store.contacts().delete(p);
            var co = new Company("co" + random.nextInt(5), "Co", List.of("dom" + random.nextInt(KEYS) + ".example"), T0);
            reference.companies().save(co);
            store.companies().save(co);
        } else {
            var t = new ApiToken("t" + random.nextInt(5), "u" + random.nextInt(2), "hash" + random.nextInt(KEYS), "cli", T0.plusSeconds(random.nextInt(100)), null);
            reference.users().saveToken(t);
            store.users().saveToken(t);
        }
    }

    private static void assertSameAnswers(Store reference, Store store) {
        assertEquals(reference.messages().count(), store.messages().count());
        for (int k = 0; k < KEYS; k++) {
            assertEquals(ids(reference.messages().findByMessageId("mid" + k)), ids(store.messages().findByMessageId("mid" + k)), "mid" + k);
            assertEquals(ids(reference.messages().findByConversation("c" + k)), ids(store.messages().findByConversation("c" + k)), "c" + k);
            assertEquals(ids(reference.messages().findByDeal("d" + k)), ids(store.messages().findByDeal("d" + k)), "d" + k);
            assertEquals(ids(reference.messages().latestByDeal("d" + k, 3)), ids(store.messages().latestByDeal("d" + k, 3)), "latest d" + k);
            assertEquals(ids(reference.messages().findByDealBetween("d" + k, T0.plusSeconds(600), T0.plusSeconds(3000))),
                    ids(store.messages().findByDealBetween("d" + k, T0.plusSeconds(600), T0.plusSeconds(3000))), "window d" + k);
            assertEquals(reference.contacts().findByEmail("e" + k + "@x.example").map(Contact::id),
                    store.contacts().findByEmail("e" + k + "@x.example").map(Contact::id), "e" + k);
            assertEquals(reference.companies().findByDomain("dom" + k + ".example").map(Company::id),
                    store.companies().findByDomain("dom" + k + ".example").map(Company::id), "dom" + k);
            assertEquals(reference.users().findTokenByHash("hash" + k).map(ApiToken::id),
                    store.users().findTokenByHash("hash" + k).map(ApiToken::id), "hash" + k);
        }
        for (int b = 0; b < 3; b++) {
            for (String folder : new String[]{null, "INBOX", "Sent", "Archive"}) {
                assertEquals(ids(reference.messages().findByMailbox("mb" + b, folder)),
                        ids(store.messages().findByMailbox("mb" + b, folder)), "mb" + b + "/" + folder);
                assertEquals(reference.messages().countByMailbox("mb" + b, folder), store.messages().countByMailbox("mb" + b, folder));
                assertEquals(reference.messages().locationsByMailbox("mb" + b, folder), store.messages().locationsByMailbox("mb" + b, folder));
            }
        }
        var referenceChanges = ids(reference.messages().changedSince(0, 1000));
        assertEquals(referenceChanges, ids(store.messages().changedSince(0, 1000)));
        for (int u = 0; u < 2; u++) {
            assertEquals(reference.users().tokens("u" + u).stream().map(ApiToken::id).toList(),
                    store.users().tokens("u" + u).stream().map(ApiToken::id).toList());
        }
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }

    private static StoredMessage message(String id, String messageId, String conversation, String deal, String mailbox, String folder) {
        int n = Integer.parseInt(id.substring(1));
        return StoredMessage.of(StoreContract.mail(id, messageId, "S " + id, T0.plusSeconds(n * 60L)))
                .with(b -> { b.conversationId = conversation; b.dealId = deal; })
                .withLocation(new MessageLocation(mailbox, folder, 1, n, false));
    }

    private static Contact contact(String id, String... emails) {
        return new Contact(id, "Name " + id, List.of(emails), "", List.of(), null, List.of(), "", T0);
    }

    /** One lookup by each key of the messages written above, each checked against what was written. */
    private static void lookUpEveryKey(MongoStore store) {
        assertEquals(1, store.messages().findByMessageId("mid7").size());
        assertEquals(10, store.messages().findByConversation("c3").size());
        assertEquals(17, store.messages().findByDeal("d0").size());
        assertEquals(25, store.messages().findByMailbox("mb0", null).size());
        assertEquals(12, store.messages().findByMailbox("mb0", "INBOX").size());
        assertEquals(20, store.messages().changedSince(30, 100).size());
    }
}

package io.dealwire.store.lookup;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.MongoStore;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A write the server applied but whose reply was lost with the connection fails for the caller; the
 * in-process lookups must not then contradict the server: the next lookup reads those ids back.
 */
class LostReplyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void lookupsFollowTheServerAfterAWriteWhoseReplyWasLost() throws Exception {
        var embedded = EmbeddedMongo.serve(new MemoryBackend());
        try (var proxy = new ReplyCuttingProxy(Integer.parseInt(embedded.connectionString().replaceAll(".*:", "")))) {
            var client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + proxy.port()))
                    .retryWrites(false)
                    .applyToClusterSettings(b -> b.serverSelectionTimeout(20, TimeUnit.SECONDS))
                    .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
                    .build());
            try (var store = MongoStore.onEmbedded(embedded, client)) {
                store.contacts().save(contact("p1"));
                store.messages().save(StoredMessage.of(StoreContract.mail("m1", "m1@x", "One", T0)));

                // each write goes out on an open connection; only its reply is lost
                lostReply(proxy, store, 0, () -> store.contacts().save(contact("p2")));
                // a message save reserves its seq first (one reply), then writes: the second reply is lost
                lostReply(proxy, store, 1, () -> store.messages().save(StoredMessage.of(StoreContract.mail("m2", "m2@x", "Two", T0))));
                lostReply(proxy, store, 0, () -> store.contacts().delete("p1"));

                assertEquals("p2", store.contacts().find("p2").orElseThrow().id());
                assertEquals("p2", store.contacts().findByEmail("p2@acme.example").orElseThrow().id());
                assertTrue(store.contacts().find("p1").isEmpty());
                assertEquals(1, store.contacts().count());
                assertEquals(List.of("m2"), store.messages().findByMessageId("m2@x").stream().map(StoredMessage::id).toList());
                assertEquals(2, store.messages().count());
            }
        }
    }

    private static void lostReply(ReplyCuttingProxy proxy, MongoStore store, int repliesBefore, Runnable write) {
        store.messages().lastSeq(); // a round trip that leaves an open connection in the pool
        proxy.cutAfter(repliesBefore);
        try {
            assertThrows(StoreUnavailableException.class, write::run);
        } finally {
            proxy.disarm();
        }
    }

    private static Contact contact(String id) {
        return new Contact(id, "Person " + id, List.of(id + "@acme.example"), "", List.of(), null, List.of(), "", T0);
    }
}

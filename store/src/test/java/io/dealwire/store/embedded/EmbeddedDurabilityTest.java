package io.dealwire.store.embedded;

import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import io.dealwire.store.MongoStore;
import io.dealwire.store.StoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the embedded store keeps across a crash and a restart of the same data dir. */
class EmbeddedDurabilityTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void everyMessageWrittenBeforeACommitSurvivesACrash() {
        int n = 3000;
        try (var store = StoreFactory.open(null, dataDir)) {
            writeMessages(store, 0, n);
            store.commit();
            // a kill right after the commit: the file is dropped without H2 writing anything more
            store.embedded().orElseThrow().crash();
        }
        try (var reopened = StoreFactory.open(null, dataDir)) {
            assertEquals(n, reopened.messages().count());
            for (int i = 0; i < n; i++) {
                var m = reopened.messages().find("m" + i);
                assertTrue(m.isPresent(), "m" + i + " lost");
                assertEquals("Subject " + i, m.get().mail().subject());
            }
            assertEquals(List.of("m17"), reopened.messages().findByMessageId("id17@x").stream().map(StoredMessage::id).toList());
            assertEquals(n, reopened.messages().findByMailbox("mb1", "INBOX").size());
            assertTrue(reopened.messages().lastSeq() >= n);
        }
    }

    @Test
    void aCleanCloseKeepsEverythingWithoutAnExplicitCommit() {
        try (var store = StoreFactory.open(null, dataDir)) {
            writeMessages(store, 0, 500);
        }
        assertTrue(Files.exists(EmbeddedMongo.storeFile(dataDir)));
        try (var reopened = StoreFactory.open(null, dataDir)) {
            assertEquals(500, reopened.messages().count());
            assertEquals(500, reopened.messages().changedSince(0, 10_000).size());
        }
    }

    @Test
    void seqsAreNeverReusedAfterARestartEvenWhenTheNewestMessageWasDeleted() {
        long newest;
        try (var store = StoreFactory.open(null, dataDir)) {
            writeMessages(store, 0, 10);
            newest = store.messages().lastSeq();
            store.messages().delete("m9");
            store.commit();
        }
        try (var reopened = StoreFactory.open(null, dataDir)) {
            assertEquals(newest, reopened.messages().lastSeq());
            var saved = reopened.messages().save(StoredMessage.of(StoreContract.mail("new", "new@x", "New", T0)));
            assertEquals(newest + 1, saved.seq());
            assertEquals(List.of("new"), reopened.messages().changedSince(newest, 10).stream().map(StoredMessage::id).toList());
        }
    }

    @Test
    void aSecondStoreOnTheSameDataDirIsRefusedWithAMessageNamingTheFile() {
        try (var store = StoreFactory.open(null, dataDir)) {
            var e = assertThrows(io.dealwire.core.store.StoreUnavailableException.class, () -> StoreFactory.open(null, dataDir));
            assertTrue(e.getMessage().contains(EmbeddedMongo.storeFile(dataDir).getFileName().toString()), e.getMessage());
            assertEquals(0, store.messages().count());
        }
    }

    static void writeMessages(MongoStore store, int from, int to) {
        var batch = new ArrayList<StoredMessage>();
        for (int i = from; i < to; i++) {
            batch.add(StoredMessage.of(StoreContract.mail("m" + i, "id" + i + "@x", "Subject " + i, T0.plusSeconds(i)))
                    .with(b -> b.conversationId = "c1")
                    .withLocation(new io.dealwire.core.message.MessageLocation("mb1", "INBOX", 1, 1000 + b(i), false)));
            if (batch.size() == 500) {
                store.messages().saveAll(batch);
                batch.clear();
            }
        }
        store.messages().saveAll(batch);
    }

    private static long b(int i) {
        return i;
    }
}

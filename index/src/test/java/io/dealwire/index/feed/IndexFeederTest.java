package io.dealwire.index.feed;

import io.dealwire.core.message.InMemoryMessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

class IndexFeederTest {
    static final Viewer ADMIN = new Viewer("u-admin", Role.ADMIN, Set.of());

    @TempDir
    Path dir;

    static void store(InMemoryMessageRepository repo, int from, int to) {
        for (int i = from; i < to; i++) {
            repo.save(message("m" + i, "Subject " + i, "widget number" + i + " text", "a@b.com", "2024-01-01T00:00:00Z"));
        }
    }

    long total(MessageIndex index, String q) {
        return index.search(SearchRequest.of(q), ADMIN).total();
    }

    @Test
    void catchUpIndexesEverythingAndCommitsTheStorePosition() {
        var repo = new InMemoryMessageRepository();
        store(repo, 0, 1234);
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            var feeder = new IndexFeeder(repo, index);
            assertEquals(1234, feeder.catchUp());
            assertEquals(repo.lastSeq(), index.lastIndexedSeq());
            assertEquals(1234, total(index, "widget"));
            assertEquals(0, feeder.catchUp());
        }
    }

    @Test
    void afterARestartOnlyNewerMessagesAreRead() {
        var repo = new InMemoryMessageRepository();
        store(repo, 0, 10);
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            new IndexFeeder(repo, index).catchUp();
        }
        store(repo, 10, 15);
        // an update of an already indexed message is a new store position too
        repo.save(message("m3", "Subject 3", "changed wording", "a@b.com", "2024-01-01T00:00:00Z"));
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertEquals(10, index.lastIndexedSeq());
            assertEquals(6, new IndexFeeder(repo, index).catchUp());
            assertEquals(14, total(index, "widget"));
            assertEquals(1, total(index, "changed"));
            assertEquals(15, index.documentCount());
        }
    }

    @Test
    void rebuildWipesAndRefillsWithProgress() {
        var repo = new InMemoryMessageRepository();
        store(repo, 0, 1200);
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            var feeder = new IndexFeeder(repo, index);
            feeder.catchUp();
            index.index(message("ghost", "Ghost", "widget not in the store", "a@b.com", "2024-01-01T00:00:00Z"));
            index.refresh();
            assertEquals(1201, total(index, "widget"));

            var reports = new ArrayList<long[]>();
            assertEquals(1200, feeder.rebuild((done, all) -> reports.add(new long[]{done, all})));
            assertEquals(1200, total(index, "widget"));
            assertEquals(repo.lastSeq(), index.lastIndexedSeq());
            assertArrayEquals(new long[]{0, 1200}, reports.getFirst());
            assertArrayEquals(new long[]{1200, 1200}, reports.getLast());
            for (int i = 1; i < reports.size(); i++) assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0]);
            assertTrue(reports.size() >= 3, "progress is reported per batch");
        }
    }

    @Test
    void pokeMakesANewMessageSearchableBeforeTheNextPoll() throws Exception {
        var repo = new InMemoryMessageRepository();
        try (var index = MessageIndex.open(dir, IndexContext.NONE); var feeder = new IndexFeeder(repo, index)) {
            feeder.runEvery(Duration.ofHours(1), Thread.ofVirtual().factory());
            repo.save(message("m1", "Hello", "fresh widget", "a@b.com", "2024-01-01T00:00:00Z"));
            feeder.poke();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (total(index, "fresh") == 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(1, total(index, "fresh"));
        }
    }

    @Test
    void whileTheStoreStaysAheadWhatIsIndexedStillBecomesSearchable() throws Exception {
        var repo = new InMemoryMessageRepository();
        var producing = new java.util.concurrent.atomic.AtomicBoolean(true);
        // a backfill: every read of changes finds one more message, for as long as the test lets it
        var endless = new ForwardingMessages(repo) {
            private int next = 1;

            @Override
            public List<StoredMessage> changedSince(long seq, int limit) {
                if (producing.get()) repo.save(message("m" + next, "Backfill " + next, "backfilled widget " + next++, "a@b.com", "2024-01-01T00:00:00Z"));
                return repo.changedSince(seq, limit);
            }
        };
        try (var index = MessageIndex.open(dir, IndexContext.NONE); var feeder = new IndexFeeder(endless, index)) {
            feeder.runEvery(Duration.ofHours(1), Thread.ofVirtual().factory());
            feeder.poke();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (total(index, "backfilled") == 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(total(index, "backfilled") > 0, "searchable before the drain ends");
            producing.set(false);
        }
    }

    @Test
    void closingTheFeederCommitsWhatItIndexed() throws Exception {
        var repo = new InMemoryMessageRepository();
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            try (var feeder = new IndexFeeder(repo, index)) {
                feeder.runEvery(Duration.ofMillis(50), Thread.ofVirtual().factory());
                store(repo, 0, 3);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (feeder.indexedSeq() < 3 && System.nanoTime() < deadline) Thread.sleep(10);
            }
            assertEquals(3, index.lastIndexedSeq());
        }
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertEquals(3, index.lastIndexedSeq());
            assertEquals(List.of(3L), List.of(total(index, "widget")));
        }
    }

    @Test
    void anIndexAheadOfTheStoreIsRebuiltFromIt() {
        var old = new InMemoryMessageRepository();
        store(old, 0, 20);
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            new IndexFeeder(old, index).catchUp();
        }
        var restored = new InMemoryMessageRepository();
        store(restored, 0, 5);
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertEquals(5, new IndexFeeder(restored, index).catchUp());
            assertEquals(5, total(index, "widget"));
            assertEquals(5, index.lastIndexedSeq());
        }
    }
}

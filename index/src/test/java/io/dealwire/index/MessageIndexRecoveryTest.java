package io.dealwire.index;

import io.dealwire.core.message.InMemoryMessageRepository;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.feed.IndexFeeder;
import io.dealwire.index.search.SearchRequest;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A write that fails while the disk is full closes Lucene's writer for good; the index reopens it from its
 * last commit once the directory accepts files again, and the feeder indexes again from that commit, so
 * nothing stored meanwhile is missing from the index.
 */
class MessageIndexRecoveryTest {
    private static final Viewer MANAGER = new Viewer("u-manager", Role.MANAGER, java.util.Set.of());

    /** Refuses to create files while {@link #full} is set, like a full disk. */
    private static final class FullDiskDirectory extends FilterDirectory {
        final AtomicBoolean full = new AtomicBoolean();

        FullDiskDirectory() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            if (full.get()) throw new IOException("No space left on device: " + name);
            return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            if (full.get()) throw new IOException("No space left on device: " + prefix);
            return super.createTempOutput(prefix, suffix, context);
        }
    }

    @Test
    void aWriterClosedByAFullDiskReopensFromItsLastCommitAndTheFeederCatchesUp() throws Exception {
        var directory = new FullDiskDirectory();
        var store = new InMemoryMessageRepository();
        try (var index = MessageIndex.open(directory, IndexContext.NONE, "test index");
             var feeder = new IndexFeeder(store, index)) {
            store.save(Messages.message("m1", "Quote one", "heat pump", "a@acme.example", "2025-03-01T10:00:00Z"));
            store.save(Messages.message("m2", "Quote two", "heat pump", "a@acme.example", "2025-03-02T10:00:00Z"));
            assertEquals(2, feeder.catchUp());

            directory.full.set(true);
            store.save(Messages.message("m3", "Quote three", "heat pump", "a@acme.example", "2025-03-03T10:00:00Z"));
            store.save(Messages.message("m4", "Quote four", "heat pump", "a@acme.example", "2025-03-04T10:00:00Z"));
            assertThrows(IndexException.class, feeder::catchUp);
            assertTrue(index.problem().isPresent(), "the failure is reported while it lasts");
            // searches answer meanwhile from what was searchable
            assertEquals(2, index.search(SearchRequest.of("pump"), MANAGER).hits().size());
            assertEquals(2, index.lastIndexedSeq());

            // no reopen while the disk is still full (a reopened writer would only fail again at its next flush)
            Thread.sleep(MessageIndex.REOPEN_MILLIS + 1000);
            assertEquals(0, index.reopens());
            assertTrue(index.problem().isPresent());

            directory.full.set(false);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (index.problem().isPresent() || index.reopens() == 0) {
                if (System.nanoTime() > deadline) fail("the writer was not reopened within 90 s");
                Thread.sleep(50);
            }
            assertEquals(2, index.lastIndexedSeq(), "reopened from the last commit");

            assertEquals(2, feeder.catchUp(), "m3 and m4, lost with the failed writer, are indexed again");
            index.refresh();
            assertEquals(4, index.search(SearchRequest.of("pump"), MANAGER).hits().size());
            assertEquals(store.lastSeq(), index.lastIndexedSeq());
        }
    }
}

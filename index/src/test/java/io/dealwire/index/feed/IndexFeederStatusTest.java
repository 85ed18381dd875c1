package io.dealwire.index.feed;

import io.dealwire.core.message.InMemoryMessageRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code /api/health} reads the indexed position on the HTTP event loop: it must answer while a catch-up or
 * rebuild is busy, which holds the feeder for as long as the store takes to read (minutes for a large one).
 */
class IndexFeederStatusTest {
    @TempDir
    Path dir;

    @Test
    void indexedPositionAnswersWhileACatchUpIsBusy() throws Exception {
        var stored = new InMemoryMessageRepository();
        IndexFeederTest.store(stored, 0, 3);
        var reading = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var slowStore = new SlowReads(stored, reading, release);
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            var feeder = new IndexFeeder(slowStore, index);
            var catchUp = Thread.ofVirtual().start(feeder::catchUp);
            reading.await();
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(60), feeder::indexedSeq),
                    "nothing is indexed yet, and the answer must not wait for the catch-up");
            // a sync thread that just stored a batch tells the feeder and goes on; it must not wait either
            assertTimeoutPreemptively(Duration.ofSeconds(60), feeder::poke);
            release.countDown();
            catchUp.join();
            assertEquals(stored.lastSeq(), feeder.indexedSeq());
        }
    }

    /** A store whose first read of changes waits until the test lets it go. */
    private static final class SlowReads extends ForwardingMessages {
        private final CountDownLatch reading;
        private final CountDownLatch release;

        SlowReads(MessageRepository delegate, CountDownLatch reading, CountDownLatch release) {
            super(delegate);
            this.reading = reading;
            this.release = release;
        }

        @Override
        public List<StoredMessage> changedSince(long seq, int limit) {
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.changedSince(seq, limit);
        }
    }
}

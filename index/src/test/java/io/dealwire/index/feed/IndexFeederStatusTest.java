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
import java.util.Optional;
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
            assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(10), feeder::indexedSeq),
                    "nothing is indexed yet, and the answer must not wait for the catch-up");
            // a sync thread that just stored a batch tells the feeder and goes on; it must not wait either
            assertTimeoutPreemptively(Duration.ofSeconds(10), feeder::poke);
            release.countDown();
            catchUp.join();
            assertEquals(stored.lastSeq(), feeder.indexedSeq());
        }
    }

    /** A store whose first read of changes waits until the test lets it go. */
    private record SlowReads(MessageRepository delegate, CountDownLatch reading, CountDownLatch release) implements MessageRepository {
        @Override
        public List<StoredMessage> changedSince(long seq, int limit) {
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return delegate.changedSince(seq, limit);
        }

        @Override
        public Optional<StoredMessage> find(String id) {
            return delegate.find(id);
        }

        @Override
        public List<StoredMessage> findByMessageId(String messageId) {
            return delegate.findByMessageId(messageId);
        }

        @Override
        public List<StoredMessage> findByConversation(String conversationId) {
            return delegate.findByConversation(conversationId);
        }

        @Override
        public List<StoredMessage> findByDeal(String dealId) {
            return delegate.findByDeal(dealId);
        }

        @Override
        public List<StoredMessage> findByMailbox(String mailboxId, String folder) {
            return delegate.findByMailbox(mailboxId, folder);
        }

        @Override
        public StoredMessage save(StoredMessage message) {
            return delegate.save(message);
        }

        @Override
        public long lastSeq() {
            return delegate.lastSeq();
        }

        @Override
        public long count() {
            return delegate.count();
        }

        @Override
        public void delete(String id) {
            delegate.delete(id);
        }
    }
}

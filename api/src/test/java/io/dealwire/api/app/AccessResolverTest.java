package io.dealwire.api.app;

import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.InMemoryMailboxRepository;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests that find the kept policy gone wait for the one read of the mailboxes rather than each making it. */
class AccessResolverTest {
    private static final int REQUESTS = 8;
    private static final User RITA = new User("u-rita", "Rita", "rita@northwind.example", Role.REP, null, Instant.parse("2025-01-01T00:00:00Z"));

    /** The store's mailboxes; each whole-list read counts itself and holds until the test lets it go. */
    private static final class SlowMailboxes implements MailboxRepository {
        final MailboxRepository store = new InMemoryMailboxRepository();
        final AtomicInteger reads = new AtomicInteger();
        final CountDownLatch readStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<Mailbox> list() {
            reads.incrementAndGet();
            readStarted.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the read");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return store.list();
        }

        @Override public Optional<Mailbox> find(String id) { return store.find(id); }
        @Override public Mailbox save(Mailbox mailbox) { return store.save(mailbox); }
        @Override public void saveFolder(String mailboxId, FolderSync sync) { store.saveFolder(mailboxId, sync); }
        @Override public void saveState(String mailboxId, SyncState state, String lastError) { store.saveState(mailboxId, state, lastError); }
        @Override public void delete(String id) { store.delete(id); }
    }

    @Test
    void concurrentRequestsShareOneReadOfTheMailboxes() throws Exception {
        var store = new SlowMailboxes();
        store.store.save(new Mailbox("box-rita", "box-rita", "127.0.0.1", 1, Security.NONE, "box-rita", "", List.of("INBOX"), null,
                "u-rita", false, true, null, SyncState.PAUSED, null, null, Instant.parse("2025-01-01T00:00:00Z")));
        var resolver = new AccessResolver(new CachedMailboxes(store, Duration.ofHours(1)));
        try (var pool = Executors.newFixedThreadPool(REQUESTS)) {
            var answers = new ArrayList<Future<Set<String>>>();
            answers.add(pool.submit(() -> resolver.apply(RITA).viewer().mailboxIds()));
            assertTrue(store.readStarted.await(60, TimeUnit.SECONDS), "the first request reads the mailboxes");
            for (int i = 1; i < REQUESTS; i++) answers.add(pool.submit(() -> resolver.apply(RITA).viewer().mailboxIds()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (resolver.waiting() < REQUESTS - 1 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(REQUESTS - 1, resolver.waiting(), "the other requests wait for the read under way");
            store.release.countDown();
            for (var answer : answers) assertEquals(Set.of("box-rita"), get(answer));
        }
        assertEquals(1, store.reads.get(), "one read of the mailboxes for all the requests");
    }

    private static <T> T get(Future<T> f) throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(60, TimeUnit.SECONDS);
    }
}

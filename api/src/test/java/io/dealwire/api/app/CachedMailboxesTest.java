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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The mailboxes every request reads are kept in memory, and never outlive a change made through the repository. */
class CachedMailboxesTest {
    private final AtomicInteger reads = new AtomicInteger();
    private final MailboxRepository store = new CountingMailboxes(new InMemoryMailboxRepository(), reads);

    /** The store's mailboxes, counting how often the whole list is read. */
    private record CountingMailboxes(MailboxRepository store, AtomicInteger reads) implements MailboxRepository {
        @Override
        public List<Mailbox> list() {
            reads.incrementAndGet();
            return store.list();
        }

        @Override public java.util.Optional<Mailbox> find(String id) { return store.find(id); }
        @Override public Mailbox save(Mailbox mailbox) { return store.save(mailbox); }
        @Override public void saveFolder(String mailboxId, FolderSync sync) { store.saveFolder(mailboxId, sync); }
        @Override public void saveState(String mailboxId, SyncState state, String lastError) { store.saveState(mailboxId, state, lastError); }
        @Override public void delete(String id) { store.delete(id); }
    }

    private static Mailbox mailbox(String id, String owner, boolean shared) {
        return new Mailbox(id, id, "127.0.0.1", 1, Security.NONE, id, "", List.of("INBOX"), null, owner, shared, true, null,
                SyncState.PAUSED, null, null, Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static final User RITA = new User("u-rita", "Rita", "rita@northwind.example", Role.REP, null, Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void thePolicyIsReadOnceAndDroppedWhenAMailboxIsSavedOrDeleted() {
        var cache = new CachedMailboxes(store);
        cache.save(mailbox("box-rita", "u-rita", false));
        cache.save(mailbox("box-remy", "u-remy", false));
        assertEquals(Set.of("box-rita"), cache.policy().viewer(RITA).mailboxIds());
        int before = reads.get();
        for (int i = 0; i < 10; i++) cache.policy().viewer(RITA);
        assertEquals(before, reads.get(), "no read while nothing changed");

        cache.save(mailbox("box-remy", "u-remy", true));
        assertEquals(Set.of("box-rita", "box-remy"), cache.policy().viewer(RITA).mailboxIds(), "sharing is seen at once");
        cache.delete("box-remy");
        assertEquals(Set.of("box-rita"), cache.policy().viewer(RITA).mailboxIds(), "a deletion too");
        assertEquals("u-rita", cache.owner("box-rita"));
        assertEquals("", cache.owner("box-remy"));
    }

    @Test
    void aFolderCheckpointRefreshesTheListButKeepsThePolicy() {
        var cache = new CachedMailboxes(store);
        cache.save(mailbox("box-rita", "u-rita", false));
        cache.policy();
        cache.saveFolder("box-rita", new FolderSync("INBOX", 1, 42, 0, 0, 42, 42, 42));
        int before = reads.get();
        cache.policy();
        assertEquals(before, reads.get(), "ownership and sharing did not change");
        assertEquals(42, cache.list().getFirst().folderSync().get("INBOX").lastUid(), "the list shows the checkpoint");
        assertEquals(42, cache.find("box-rita").orElseThrow().folderSync().get("INBOX").lastUid());
        cache.saveState("box-rita", SyncState.ERROR, "refused");
        assertEquals(SyncState.ERROR, cache.find("box-rita").orElseThrow().state());
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceTheCacheIsOlderThanItsMaximumAge() throws Exception {
        var cache = new CachedMailboxes(store, Duration.ofMillis(50));
        cache.save(mailbox("box-rita", "u-rita", false));
        assertEquals(Set.of("box-rita"), cache.policy().viewer(RITA).mailboxIds());
        store.save(mailbox("box-shared", "u-admin", true)); // behind the cache's back
        Thread.sleep(80);
        assertEquals(Set.of("box-rita", "box-shared"), cache.policy().viewer(RITA).mailboxIds());
    }
}

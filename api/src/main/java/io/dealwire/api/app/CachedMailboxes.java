package io.dealwire.api.app;

import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.visibility.VisibilityPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's mailboxes with what every request reads kept in memory: the visibility policy (who owns which
 * mailbox, which are shared) and the list with its per-folder sync states. Decoding every mailbox with its
 * folders for each request cost more than the request itself (869 folders for one Enron account).
 *
 * <p>Every write through this repository drops what it changes: a save or delete both, a folder checkpoint
 * or state change only the list (they change neither ownership nor sharing). Writes made by another process
 * (a second service on the same MongoDB) are seen after at most {@link #MAX_AGE}.
 */
final class CachedMailboxes implements MailboxRepository {
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final MailboxRepository store;
    private final long maxAgeNanos;
    /** Bumped by every write that changes what the cached value was read from; a value read before is stale. */
    private final AtomicLong listVersion = new AtomicLong();
    private final AtomicLong policyVersion = new AtomicLong();
    private volatile Cached<List<Mailbox>> list;
    private volatile Cached<VisibilityPolicy> policy;

    private record Cached<T>(T value, long version, long readAtNanos) {
    }

    CachedMailboxes(MailboxRepository store) {
        this(store, MAX_AGE);
    }

    CachedMailboxes(MailboxRepository store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The visibility policy over the current mailboxes. */
    VisibilityPolicy policy() {
        var c = policy;
        if (fresh(c, policyVersion)) return c.value();
        long version = policyVersion.get();
        var value = new VisibilityPolicy(list());
        policy = new Cached<>(value, version, System.nanoTime());
        return value;
    }

    /** The owner of a mailbox ("" when it has none or is unknown), from the cached list. */
    String owner(String mailboxId) {
        for (var m : list()) if (m.id().equals(mailboxId)) return m.ownerId() == null ? "" : m.ownerId();
        return "";
    }

    @Override
    public List<Mailbox> list() {
        var c = list;
        if (fresh(c, listVersion)) return c.value();
        long version = listVersion.get();
        var value = List.copyOf(store.list());
        list = new Cached<>(value, version, System.nanoTime());
        return value;
    }

    @Override
    public Optional<Mailbox> find(String id) {
        var c = list;
        if (fresh(c, listVersion)) return c.value().stream().filter(m -> m.id().equals(id)).findFirst();
        return store.find(id);
    }

    @Override
    public Mailbox save(Mailbox mailbox) {
        return changed(true, () -> store.save(mailbox));
    }

    @Override
    public void saveFolder(String mailboxId, FolderSync sync) {
        changed(false, () -> {
            store.saveFolder(mailboxId, sync);
            return null;
        });
    }

    @Override
    public void saveState(String mailboxId, SyncState state, String lastError) {
        changed(false, () -> {
            store.saveState(mailboxId, state, lastError);
            return null;
        });
    }

    @Override
    public void delete(String id) {
        changed(true, () -> {
            store.delete(id);
            return null;
        });
    }

    /** Bumps the versions before and after the write, so that no read overlapping it is kept. */
    private <T> T changed(boolean access, java.util.function.Supplier<T> write) {
        bump(access);
        try {
            return write.get();
        } finally {
            bump(access);
        }
    }

    private void bump(boolean access) {
        listVersion.incrementAndGet();
        if (access) policyVersion.incrementAndGet();
    }

    private boolean fresh(Cached<?> c, AtomicLong version) {
        return c != null && c.version() == version.get() && System.nanoTime() - c.readAtNanos() < maxAgeNanos;
    }
}

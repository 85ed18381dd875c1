package io.dealwire.api.app;

import io.dealwire.api.cache.KeptReads;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.visibility.VisibilityPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    /** Each cache holds one value: the whole list, the policy over it. */
    private static final String ALL = "all";

    private final MailboxRepository store;
    /** Dropped by every write; the policy only by writes that change ownership or sharing (save, delete). */
    private final KeptReads<String, List<Mailbox>> list;
    private final KeptReads<String, VisibilityPolicy> policy;

    CachedMailboxes(MailboxRepository store) {
        this(store, MAX_AGE);
    }

    CachedMailboxes(MailboxRepository store, Duration maxAge) {
        this.store = store;
        this.list = new KeptReads<>(maxAge);
        this.policy = new KeptReads<>(maxAge);
    }

    /** The visibility policy over the current mailboxes. */
    VisibilityPolicy policy() {
        return policy.get(ALL, () -> new VisibilityPolicy(list()));
    }

    /** The owner of a mailbox ("" when it has none or is unknown), from the cached list. */
    String owner(String mailboxId) {
        for (var m : list()) if (m.id().equals(mailboxId)) return m.ownerId() == null ? "" : m.ownerId();
        return "";
    }

    @Override
    public List<Mailbox> list() {
        return list.get(ALL, () -> List.copyOf(store.list()));
    }

    @Override
    public Optional<Mailbox> find(String id) {
        var kept = list.peek(ALL);
        if (kept.isPresent()) return kept.get().stream().filter(m -> m.id().equals(id)).findFirst();
        return store.find(id);
    }

    @Override
    public Mailbox save(Mailbox mailbox) {
        return policy.changed(() -> list.changed(() -> store.save(mailbox)));
    }

    @Override
    public void saveFolder(String mailboxId, FolderSync sync) {
        list.changed(() -> store.saveFolder(mailboxId, sync));
    }

    @Override
    public void saveState(String mailboxId, SyncState state, String lastError) {
        list.changed(() -> store.saveState(mailboxId, state, lastError));
    }

    @Override
    public void delete(String id) {
        policy.changed(() -> list.changed(() -> store.delete(id)));
    }
}

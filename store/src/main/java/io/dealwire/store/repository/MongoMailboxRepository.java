package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.mapping.MailboxMapping;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Optional;

import static io.dealwire.store.mapping.MailboxMapping.*;

/**
 * Mailboxes in MongoDB. A folder checkpoint and the sync state are each written with one {@code $set} on
 * their own fields, so that a poller saving its checkpoint never overwrites an admin's concurrent edit.
 */
public final class MongoMailboxRepository implements MailboxRepository {
    private static final Comparator<Mailbox> LIST_ORDER = Comparator
            .comparing(Mailbox::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Mailbox::id);

    private final KeyedCollection mailboxes;
    private final StoreGuard guard;
    /**
     * Decoded mailboxes, kept in step with every write, when this process is the only writer (the embedded
     * store); null otherwise. Every sync batch, every indexed message (its owner) and every request (who may
     * see what) reads mailboxes, and decoding one with the sync state of hundreds of folders costs milliseconds.
     */
    private final Map<String, Mailbox> decoded;
    /** {@link #decoded} holds every mailbox (after a {@link #list()}), so a miss means there is none. */
    private boolean complete;

    public MongoMailboxRepository(KeyedCollection mailboxes, StoreGuard guard) {
        this(mailboxes, guard, false);
    }

    /** @param soleWriter this process alone writes the collection: decoded mailboxes may be kept in memory */
    public MongoMailboxRepository(KeyedCollection mailboxes, StoreGuard guard, boolean soleWriter) {
        this.mailboxes = mailboxes;
        this.guard = guard;
        this.decoded = soleWriter ? new HashMap<>() : null;
    }

    /** Forgets the decoded mailboxes: the store reopened and lost its uncommitted writes. */
    public synchronized void forgetDecoded() {
        if (decoded == null) return;
        decoded.clear();
        complete = false;
    }

    @Override
    public Optional<Mailbox> find(String id) {
        if (decoded != null) {
            synchronized (this) {
                var m = decoded.get(id);
                if (m != null || complete) return Optional.ofNullable(m);
                // read under the lock writes take: no write can slip between this read and keeping it
                var read = read(id);
                read.ifPresent(found -> decoded.put(id, found));
                return read;
            }
        }
        return read(id);
    }

    @Override
    public List<Mailbox> list() {
        if (decoded != null) {
            synchronized (this) {
                if (complete) return decoded.values().stream().sorted(LIST_ORDER).toList();
                var all = readAll();
                decoded.clear();
                all.forEach(m -> decoded.put(m.id(), m));
                complete = true;
                return all.stream().sorted(LIST_ORDER).toList();
            }
        }
        return readAll().stream().sorted(LIST_ORDER).toList();
    }

    private Optional<Mailbox> read(String id) {
        return guard.call(() -> mailboxes.findByIds(List.of(id)).stream().findFirst().map(MailboxMapping::fromDocument));
    }

    private List<Mailbox> readAll() {
        return guard.call(() -> mailboxes.all().stream().map(MailboxMapping::fromDocument).toList());
    }

    @Override
    public Mailbox save(Mailbox mailbox) {
        write(mailbox.id(), () -> mailboxes.replace(MailboxMapping.toDocument(mailbox)), m -> mailbox);
        return mailbox;
    }

    @Override
    public void saveFolder(String mailboxId, FolderSync sync) {
        write(mailboxId, () -> mailboxes.collection().updateOne(Filters.eq("_id", mailboxId),
                Updates.set(folderPath(sync.folder()), MailboxMapping.toDocument(sync))), m -> m == null ? null : m.withFolder(sync));
    }

    @Override
    public void saveState(String mailboxId, SyncState state, String lastError) {
        write(mailboxId, () -> mailboxes.collection().updateOne(Filters.eq("_id", mailboxId),
                Updates.combine(Updates.set(STATE, state == null ? null : state.name()), Updates.set(LAST_ERROR, lastError))),
                m -> m == null ? null : m.withState(state, lastError));
    }

    @Override
    public void delete(String id) {
        write(id, () -> mailboxes.delete(id), m -> null);
    }

    /**
     * Writes, then applies the same change to the decoded mailbox. Serialised, so that the decoded copies
     * see the writes in the order the server did. A failed write may or may not have been applied: the
     * mailbox is read again next time.
     */
    private void write(String id, Runnable write, UnaryOperator<Mailbox> change) {
        if (decoded == null) {
            guard.run(write);
            return;
        }
        synchronized (this) {
            try {
                guard.run(write);
            } catch (RuntimeException e) {
                decoded.remove(id);
                complete = false;
                throw e;
            }
            var known = decoded.get(id);
            if (known == null && !complete) return; // not decoded yet: read when asked for
            var after = change.apply(known);
            if (after == null) decoded.remove(id);
            else decoded.put(id, after);
        }
    }
}

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

    public MongoMailboxRepository(KeyedCollection mailboxes, StoreGuard guard) {
        this.mailboxes = mailboxes;
        this.guard = guard;
    }

    @Override
    public Optional<Mailbox> find(String id) {
        return guard.call(() -> mailboxes.findByIds(List.of(id)).stream().findFirst().map(MailboxMapping::fromDocument));
    }

    @Override
    public List<Mailbox> list() {
        return guard.call(() -> mailboxes.all().stream().map(MailboxMapping::fromDocument).sorted(LIST_ORDER).toList());
    }

    @Override
    public Mailbox save(Mailbox mailbox) {
        guard.run(() -> mailboxes.replace(MailboxMapping.toDocument(mailbox)));
        return mailbox;
    }

    @Override
    public void saveFolder(String mailboxId, FolderSync sync) {
        guard.run(() -> mailboxes.collection().updateOne(Filters.eq("_id", mailboxId),
                Updates.set(folderPath(sync.folder()), MailboxMapping.toDocument(sync))));
    }

    @Override
    public void saveState(String mailboxId, SyncState state, String lastError) {
        guard.run(() -> mailboxes.collection().updateOne(Filters.eq("_id", mailboxId),
                Updates.combine(Updates.set(STATE, state == null ? null : state.name()), Updates.set(LAST_ERROR, lastError))));
    }

    @Override
    public void delete(String id) {
        guard.run(() -> mailboxes.delete(id));
    }
}

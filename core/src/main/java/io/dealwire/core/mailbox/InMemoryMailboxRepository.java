package io.dealwire.core.mailbox;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link MailboxRepository}. */
public final class InMemoryMailboxRepository implements MailboxRepository {
    private final ConcurrentHashMap<String, Mailbox> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Mailbox> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Mailbox> list() {
        return byId.values().stream().sorted(Comparator.comparing(Mailbox::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Mailbox::id)).toList();
    }

    @Override
    public Mailbox save(Mailbox mailbox) {
        byId.put(mailbox.id(), mailbox);
        return mailbox;
    }

    @Override
    public void saveFolder(String mailboxId, FolderSync sync) {
        byId.computeIfPresent(mailboxId, (id, m) -> m.withFolder(sync));
    }

    @Override
    public void saveState(String mailboxId, SyncState state, String lastError) {
        byId.computeIfPresent(mailboxId, (id, m) -> m.withState(state, lastError));
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
    }
}

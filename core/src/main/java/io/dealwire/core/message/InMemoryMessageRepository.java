package io.dealwire.core.message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/** In-memory {@link MessageRepository}: for tests and for replaying labeled cases. Thread-safe. */
public final class InMemoryMessageRepository implements MessageRepository {
    private final ConcurrentHashMap<String, StoredMessage> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, String> bySeq = new ConcurrentSkipListMap<>();
    private long seq;

    @Override
    public Optional<StoredMessage> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<StoredMessage> findByMessageId(String messageId) {
        return select(m -> messageId.equals(m.mail().messageId()));
    }

    @Override
    public List<StoredMessage> findByConversation(String conversationId) {
        return select(m -> conversationId.equals(m.conversationId()));
    }

    @Override
    public List<StoredMessage> findByDeal(String dealId) {
        return select(m -> dealId.equals(m.dealId()));
    }

    @Override
    public List<StoredMessage> findByMailbox(String mailboxId, String folder) {
        return select(m -> m.locations().stream().anyMatch(
                l -> l.mailboxId().equals(mailboxId) && (folder == null || l.folder().equals(folder))));
    }

    @Override
    public synchronized StoredMessage save(StoredMessage message) {
        var previous = byId.get(message.id());
        if (previous != null) bySeq.remove(previous.seq());
        var saved = message.withSeq(++seq);
        byId.put(saved.id(), saved);
        bySeq.put(saved.seq(), saved.id());
        return saved;
    }

    @Override
    public List<StoredMessage> changedSince(long after, int limit) {
        var out = new ArrayList<StoredMessage>();
        for (var id : bySeq.tailMap(after, false).values()) {
            var m = byId.get(id);
            if (m != null) out.add(m);
            if (out.size() >= limit) break;
        }
        return out;
    }

    @Override
    public synchronized long lastSeq() {
        return seq;
    }

    @Override
    public long count() {
        return byId.size();
    }

    @Override
    public synchronized void delete(String id) {
        var previous = byId.remove(id);
        if (previous != null) bySeq.remove(previous.seq());
    }

    private List<StoredMessage> select(Predicate<StoredMessage> p) {
        return byId.values().stream().filter(p)
                .sorted(Comparator.comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(StoredMessage::id))
                .toList();
    }
}

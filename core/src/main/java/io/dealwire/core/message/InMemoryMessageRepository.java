package io.dealwire.core.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * In-memory {@link MessageRepository}: for tests and for replaying labeled cases. Thread-safe. Lookups by
 * Message-ID, conversation and deal use indexes, as the database's would, so that replaying a large
 * mailbox stays linear.
 */
public final class InMemoryMessageRepository implements MessageRepository {
    private final ConcurrentHashMap<String, StoredMessage> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, String> bySeq = new ConcurrentSkipListMap<>();
    private final Index byMessageId = new Index(m -> m.mail().messageId());
    private final Index byConversation = new Index(StoredMessage::conversationId);
    private final Index byDeal = new Index(StoredMessage::dealId);
    private long seq;

    @Override
    public Optional<StoredMessage> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<StoredMessage> findByMessageId(String messageId) {
        return byMessageId.find(messageId);
    }

    @Override
    public List<StoredMessage> findByConversation(String conversationId) {
        return byConversation.find(conversationId);
    }

    @Override
    public List<StoredMessage> findByDeal(String dealId) {
        return byDeal.find(dealId);
    }

    @Override
    public List<StoredMessage> findByDealBetween(String dealId, Instant from, Instant to) {
        return byDeal.between(dealId, from, to);
    }

    @Override
    public List<StoredMessage> latestByDeal(String dealId, int limit) {
        return byDeal.latest(dealId, limit);
    }

    @Override
    public List<StoredMessage> findByMailbox(String mailboxId, String folder) {
        return select(m -> m.locations().stream().anyMatch(
                l -> l.mailboxId().equals(mailboxId) && (folder == null || l.folder().equals(folder))));
    }

    @Override
    public synchronized StoredMessage save(StoredMessage message) {
        var previous = byId.get(message.id());
        if (previous != null) {
            bySeq.remove(previous.seq());
            unindex(previous);
        }
        var saved = message.withSeq(++seq);
        byId.put(saved.id(), saved);
        bySeq.put(saved.seq(), saved.id());
        byMessageId.add(saved);
        byConversation.add(saved);
        byDeal.add(saved);
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
        if (previous != null) {
            bySeq.remove(previous.seq());
            unindex(previous);
        }
    }

    private List<StoredMessage> select(Predicate<StoredMessage> p) {
        return byId.values().stream().filter(p)
                .sorted(Comparator.comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(StoredMessage::id))
                .toList();
    }

    private void unindex(StoredMessage m) {
        byMessageId.remove(m);
        byConversation.remove(m);
        byDeal.remove(m);
    }

    /**
     * Messages by one key (null keys are not indexed), each key's kept in date order like a query's answer,
     * so that a date window or the newest few are read without touching the rest.
     */
    private final class Index {
        private final Function<StoredMessage, String> key;
        private final ConcurrentHashMap<String, ConcurrentSkipListSet<Dated>> entries = new ConcurrentHashMap<>();

        Index(Function<StoredMessage, String> key) {
            this.key = key;
        }

        void add(StoredMessage m) {
            var k = key.apply(m);
            if (k != null) entries.computeIfAbsent(k, x -> new ConcurrentSkipListSet<>()).add(Dated.of(m));
        }

        void remove(StoredMessage m) {
            var k = key.apply(m);
            if (k == null) return;
            entries.computeIfPresent(k, (x, set) -> {
                set.remove(Dated.of(m));
                return set.isEmpty() ? null : set;
            });
        }

        List<StoredMessage> find(String k) {
            var set = k == null ? null : entries.get(k);
            return set == null ? List.of() : messages(set);
        }

        List<StoredMessage> between(String k, Instant from, Instant to) {
            var set = k == null ? null : entries.get(k);
            if (set == null) return List.of();
            var out = new ArrayList<StoredMessage>();
            for (var d : set.tailSet(new Dated(from, ""), true)) {
                if (d.date().isAfter(to)) break;
                var m = byId.get(d.id());
                if (m != null) out.add(m);
            }
            return out;
        }

        List<StoredMessage> latest(String k, int limit) {
            var set = k == null ? null : entries.get(k);
            if (set == null || limit <= 0) return List.of();
            var out = new ArrayList<StoredMessage>(Math.min(limit, 64));
            for (var it = set.descendingIterator(); it.hasNext() && out.size() < limit; ) {
                var m = byId.get(it.next().id());
                if (m != null) out.add(m);
            }
            return out.reversed();
        }

        private List<StoredMessage> messages(Collection<Dated> dated) {
            var out = new ArrayList<StoredMessage>(dated.size());
            for (var d : dated) {
                var m = byId.get(d.id());
                if (m != null) out.add(m);
            }
            return out;
        }
    }

    /** A message's place in date order: by date (undated first), then id. */
    private record Dated(Instant date, String id) implements Comparable<Dated> {
        private static final Comparator<Dated> ORDER = Comparator
                .comparing(Dated::date, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Dated::id);

        static Dated of(StoredMessage m) {
            return new Dated(m.mail().date(), m.id());
        }

        @Override
        public int compareTo(Dated other) {
            return ORDER.compare(this, other);
        }
    }
}

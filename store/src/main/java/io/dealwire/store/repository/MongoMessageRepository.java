package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.MessageMapping;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import static io.dealwire.store.mapping.MessageMapping.*;

/**
 * Messages in MongoDB. Seqs come from a {@link SeqCounter}; a batch reserves its seqs with one
 * {@code $inc} and is written with one bulk write. Writes from this process are serialised so that the
 * seq order is the order in which writes became visible: a reader following {@link #changedSince}
 * never skips a lower seq that became visible later.
 */
public final class MongoMessageRepository implements MessageRepository {
    public static final SecondaryKey BY_MESSAGE_ID = new SecondaryKey("messageId", List.of(MESSAGE_ID),
            d -> optional(nested(d, "mail", "messageId")), v -> Filters.eq(MESSAGE_ID, v), List.of(MESSAGE_ID));
    public static final SecondaryKey BY_CONVERSATION = new SecondaryKey("conversation", List.of(CONVERSATION),
            d -> optional(d.getString(CONVERSATION)), v -> Filters.eq(CONVERSATION, v), List.of(CONVERSATION));
    /** Where a message document keeps its mail's date. */
    static final String DATE = "mail.date";
    /** Ranked by the mail's date, so that a deal's mail around a date, or its latest, is read without the rest. */
    public static final SecondaryKey BY_DEAL = new SecondaryKey("deal", List.of(DEAL),
            d -> optional(d.getString(DEAL)), v -> Filters.eq(DEAL, v), List.of(DEAL),
            new SecondaryKey.Rank(DATE, MongoMessageRepository::dateRank, Date::new));
    /** Keys "mailbox" and "mailbox\0folder" for every location, so that both lookups of {@link #findByMailbox} are direct. */
    public static final SecondaryKey BY_MAILBOX = new SecondaryKey("mailbox", List.of(LOCATIONS),
            MongoMessageRepository::mailboxKeys, MongoMessageRepository::mailboxFilter,
            List.of(LOCATIONS + "." + LOCATION_MAILBOX, LOCATIONS + "." + LOCATION_FOLDER));
    public static final List<SecondaryKey> KEYS = List.of(BY_MESSAGE_ID, BY_CONVERSATION, BY_DEAL, BY_MAILBOX);

    private static final Comparator<StoredMessage> BY_DATE = Comparator
            .comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StoredMessage::id);

    private final KeyedCollection messages;
    private final SeqCounter seq;
    private final StoreGuard guard;
    private final ReentrantLock writes = new ReentrantLock();
    /** Decoded messages kept in memory (the embedded store, sole writer); null on a MongoDB others may write to. */
    private final RecentMessages recent;
    /** Throws {@code StoreUnavailableException} while the store is down: memory does not answer for a store that may lose writes. */
    private final Runnable ensureAvailable;

    public MongoMessageRepository(KeyedCollection messages, SeqCounter seq, StoreGuard guard) {
        this(messages, seq, guard, 0, () -> { });
    }

    /**
     * @param cacheBytes      memory for decoded messages read or written recently, 0 for none. Only for a store
     *                        this process alone writes to (the embedded one): lookups then answer from memory.
     * @param ensureAvailable throws {@code StoreUnavailableException} while the store is down; checked before
     *                        memory answers, so that reads fail like writes do until the store is back
     */
    public MongoMessageRepository(KeyedCollection messages, SeqCounter seq, StoreGuard guard, long cacheBytes,
                                  Runnable ensureAvailable) {
        this.messages = messages;
        this.seq = seq;
        this.guard = guard;
        this.ensureAvailable = ensureAvailable;
        this.recent = cacheBytes > 0 ? new RecentMessages(cacheBytes) : null;
        guard.run(() -> seq.atLeast(messages.maxOrder()));
    }

    /** Drops every decoded message kept in memory: the store reopened and lost its uncommitted writes. */
    public void forgetRecent() {
        if (recent != null) recent.clear();
    }

    @Override
    public Optional<StoredMessage> find(String id) {
        if (recent != null) {
            ensureAvailable.run();
            var m = recent.get(id);
            if (m != null) return Optional.of(m);
        }
        return guard.call(() -> byIds(List.of(id)).stream().findFirst());
    }

    /** The messages with these ids that exist, from memory where kept, the others read (and kept) in one query. */
    private List<StoredMessage> byIds(List<String> ids) {
        if (recent == null) return messages.findByIds(ids).stream().map(MessageMapping::fromDocument).toList();
        var out = new ArrayList<StoredMessage>(ids.size());
        var missing = new ArrayList<String>();
        for (var id : ids) {
            var m = recent.get(id);
            if (m != null) out.add(m);
            else missing.add(id);
        }
        if (!missing.isEmpty()) {
            for (var d : messages.findByIds(missing)) {
                var m = MessageMapping.fromDocument(d);
                recent.put(m);
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public List<StoredMessage> findByMessageId(String messageId) {
        return lookup(BY_MESSAGE_ID, messageId);
    }

    @Override
    public List<StoredMessage> findByConversation(String conversationId) {
        return lookup(BY_CONVERSATION, conversationId);
    }

    @Override
    public List<StoredMessage> findByDeal(String dealId) {
        return lookup(BY_DEAL, dealId);
    }

    @Override
    public List<StoredMessage> findByDealBetween(String dealId, Instant from, Instant to) {
        if (dealId == null || from.isAfter(to)) return List.of();
        // the store keeps milliseconds: the range read is a little wider, the exact one is cut from it
        return ranked(BY_DEAL, dealId, from.toEpochMilli(), to.toEpochMilli(), Integer.MAX_VALUE).stream()
                .filter(m -> m.mail().date() != null && !m.mail().date().isBefore(from) && !m.mail().date().isAfter(to))
                .toList();
    }

    @Override
    public List<StoredMessage> latestByDeal(String dealId, int limit) {
        if (dealId == null || limit <= 0) return List.of();
        return ranked(BY_DEAL, dealId, Long.MIN_VALUE, Long.MAX_VALUE, limit);
    }

    @Override
    public List<StoredMessage> findByMailbox(String mailboxId, String folder) {
        return lookup(BY_MAILBOX, mailboxKey(mailboxId, folder));
    }

    @Override
    public long countByMailbox(String mailboxId, String folder) {
        return guard.call(() -> messages.countWhere(BY_MAILBOX, mailboxKey(mailboxId, folder)));
    }

    @Override
    public SortedMap<String, List<MessageLocation>> locationsByMailbox(String mailboxId, String folder) {
        return guard.call(() -> {
            var out = new TreeMap<String, List<MessageLocation>>();
            for (var d : messages.find(BY_MAILBOX, mailboxKey(mailboxId, folder), List.of("_id", LOCATIONS))) {
                out.put(d.getString("_id"), MessageMapping.locations(d));
            }
            return out;
        });
    }

    private static String mailboxKey(String mailboxId, String folder) {
        return folder == null ? mailboxId : mailboxId + '\0' + folder;
    }

    @Override
    public StoredMessage save(StoredMessage message) {
        return saveAll(List.of(message)).getFirst();
    }

    @Override
    public List<StoredMessage> saveAll(List<StoredMessage> batch) {
        if (batch.isEmpty()) return List.of();
        return guard.call(() -> {
            writes.lock();
            try {
                long first = seq.reserve(batch.size());
                var saved = new ArrayList<StoredMessage>(batch.size());
                var documents = new ArrayList<Document>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    var m = batch.get(i).withSeq(first + i);
                    saved.add(m);
                    documents.add(MessageMapping.toDocument(m));
                }
                try {
                    messages.replaceAll(documents);
                } catch (RuntimeException e) {
                    // possibly applied, possibly not: the next read asks the store
                    if (recent != null) recent.forget(saved.stream().map(StoredMessage::id).toList());
                    throw e;
                }
                if (recent != null) recent.putAll(saved);
                return saved;
            } finally {
                writes.unlock();
            }
        });
    }

    @Override
    public List<StoredMessage> changedSince(long after, int limit) {
        if (limit <= 0) return List.of();
        if (recent == null) return guard.call(() -> messages.after(after, limit).stream().map(MessageMapping::fromDocument).toList());
        ensureAvailable.run();
        return guard.call(() -> {
            var ids = messages.idsAfter(after, limit);
            if (ids.isEmpty()) return List.<StoredMessage>of();
            long upTo = ids.lastKey();
            // a message rewritten since the ids were read has moved past upTo: a later call returns it
            return byIds(List.copyOf(ids.values())).stream().filter(m -> m.seq() <= upTo)
                    .sorted(Comparator.comparingLong(StoredMessage::seq)).toList();
        });
    }

    @Override
    public long lastSeq() {
        return guard.call(seq::current);
    }

    @Override
    public long count() {
        return guard.call(messages::count);
    }

    @Override
    public void delete(String id) {
        guard.run(() -> {
            writes.lock();
            try {
                try {
                    messages.delete(id);
                } finally {
                    if (recent != null) recent.forget(List.of(id));
                }
            } finally {
                writes.unlock();
            }
        });
    }

    private List<StoredMessage> lookup(SecondaryKey key, String value) {
        if (value == null) return List.of();
        if (recent != null) {
            ensureAvailable.run();
            return guard.call(() -> byIds(messages.idsWhere(key, value)).stream().sorted(BY_DATE).toList());
        }
        return guard.call(() -> messages.find(key, value).stream().map(MessageMapping::fromDocument).sorted(BY_DATE).toList());
    }

    /** The last {@code limit} messages with this key ranked from {@code from} to {@code to}, by date. */
    private List<StoredMessage> ranked(SecondaryKey key, String value, long from, long to, int limit) {
        if (recent != null) ensureAvailable.run();
        return guard.call(() -> byIds(messages.idsRanked(key, value, from, to, limit)).stream().sorted(BY_DATE).toList());
    }

    /** The mail's date in epoch milliseconds; undated mail ranks first, as the server sorts a missing date. */
    private static long dateRank(Document d) {
        var mail = d.get("mail", Document.class);
        return mail != null && mail.get("date") instanceof Date date ? date.getTime() : Long.MIN_VALUE;
    }

    private static List<String> mailboxKeys(Document d) {
        var keys = new LinkedHashSet<String>();
        Object raw = d.get(LOCATIONS);
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Document l)) continue;
                String mailbox = l.getString(LOCATION_MAILBOX);
                if (mailbox == null) continue;
                keys.add(mailbox);
                keys.add(mailbox + '\0' + l.getString(LOCATION_FOLDER));
            }
        }
        return List.copyOf(keys);
    }

    private static org.bson.conversions.Bson mailboxFilter(String key) {
        int nul = key.indexOf('\0');
        if (nul < 0) return Filters.eq(LOCATIONS + "." + LOCATION_MAILBOX, key);
        return Filters.elemMatch(LOCATIONS, Filters.and(
                Filters.eq(LOCATION_MAILBOX, key.substring(0, nul)), Filters.eq(LOCATION_FOLDER, key.substring(nul + 1))));
    }

    static String nested(Document d, String parent, String field) {
        var p = d.get(parent, Document.class);
        return p == null ? null : p.getString(field);
    }

    static List<String> optional(String value) {
        return value == null ? List.of() : List.of(value);
    }
}

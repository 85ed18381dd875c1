package io.dealwire.core.intake;

import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * The message repository as the intake sees it while it reads a batch: saves are held back and written
 * with one {@link MessageRepository#saveAll} at {@link #flush()}, and every read answers as if they had
 * been written already (a reply in the same batch finds its parent, a deal's second message finds its
 * first). A store round trip per message is what made ingestion slow; a batch is what IMAP fetches anyway,
 * and nothing of it is durable before the sync's commit, so holding its writes until then loses nothing.
 *
 * <p>Outside a batch every call goes straight to the store. Not thread-safe: the intake serialises its calls.
 */
final class StagedMessages implements MessageRepository {
    private static final Comparator<StoredMessage> BY_DATE = Comparator
            .comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StoredMessage::id);

    private final MessageRepository store;
    /** Saves held back, by id (a later save of the same id replaces the earlier); null outside a batch. */
    private LinkedHashMap<String, StoredMessage> staged;

    StagedMessages(MessageRepository store) {
        this.store = store;
    }

    /** Starts holding saves back. */
    void begin() {
        if (staged != null) throw new IllegalStateException("a batch is already open");
        staged = new LinkedHashMap<>();
    }

    /** Writes what was held back in one batch, in save order, and returns it with its seqs; ends the batch. */
    List<StoredMessage> flush() {
        var batch = new ArrayList<>(staged.values());
        staged = null;
        return store.saveAll(batch);
    }

    /** Drops what was held back (the batch failed: it is fetched and read again). */
    void discard() {
        staged = null;
    }

    @Override
    public Optional<StoredMessage> find(String id) {
        if (staged != null && staged.containsKey(id)) return Optional.of(staged.get(id));
        return store.find(id);
    }

    @Override
    public List<StoredMessage> findByMessageId(String messageId) {
        return merged(store.findByMessageId(messageId), m -> Objects.equals(messageId, m.mail().messageId()));
    }

    @Override
    public List<StoredMessage> findByConversation(String conversationId) {
        return merged(store.findByConversation(conversationId), m -> Objects.equals(conversationId, m.conversationId()));
    }

    @Override
    public List<StoredMessage> findByDeal(String dealId) {
        return merged(store.findByDeal(dealId), m -> Objects.equals(dealId, m.dealId()));
    }

    @Override
    public List<StoredMessage> findByDealBetween(String dealId, Instant from, Instant to) {
        return merged(store.findByDealBetween(dealId, from, to), m -> Objects.equals(dealId, m.dealId())
                && m.mail().date() != null && !m.mail().date().isBefore(from) && !m.mail().date().isAfter(to));
    }

    @Override
    public List<StoredMessage> latestByDeal(String dealId, int limit) {
        if (staged == null || staged.isEmpty()) return store.latestByDeal(dealId, limit);
        // staged versions hide their stored ones, which may have left the deal: ask for as many more as were hidden
        int ask = limit;
        List<StoredMessage> stored;
        while (true) {
            stored = store.latestByDeal(dealId, ask);
            int hidden = 0;
            for (var m : stored) if (staged.containsKey(m.id())) hidden++;
            if (hidden == 0 || stored.size() < ask || stored.size() - hidden >= limit) break;
            ask = limit + hidden;
        }
        var all = merged(stored, m -> Objects.equals(dealId, m.dealId()));
        return all.size() <= limit ? all : List.copyOf(all.subList(all.size() - limit, all.size()));
    }

    @Override
    public List<StoredMessage> findByMailbox(String mailboxId, String folder) {
        return merged(store.findByMailbox(mailboxId, folder), m -> m.locations().stream()
                .anyMatch(l -> l.mailboxId().equals(mailboxId) && (folder == null || l.folder().equals(folder))));
    }

    @Override
    public long countByMailbox(String mailboxId, String folder) {
        return staged == null || staged.isEmpty() ? store.countByMailbox(mailboxId, folder) : findByMailbox(mailboxId, folder).size();
    }

    @Override
    public SortedMap<String, List<MessageLocation>> locationsByMailbox(String mailboxId, String folder) {
        if (staged == null || staged.isEmpty()) return store.locationsByMailbox(mailboxId, folder);
        return MessageRepository.super.locationsByMailbox(mailboxId, folder);
    }

    @Override
    public StoredMessage save(StoredMessage message) {
        if (staged == null) return store.save(message);
        staged.put(message.id(), message);
        return message;
    }

    @Override
    public List<StoredMessage> saveAll(List<StoredMessage> messages) {
        if (staged == null) return store.saveAll(messages);
        messages.forEach(m -> staged.put(m.id(), m));
        return messages;
    }

    @Override
    public List<StoredMessage> changedSince(long seq, int limit) {
        return store.changedSince(seq, limit);
    }

    @Override
    public long lastSeq() {
        return store.lastSeq();
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public void delete(String id) {
        if (staged != null) staged.remove(id);
        store.delete(id);
    }

    /** The store's answer with the staged messages in it: staged versions replace stored ones, and may leave or join. */
    private List<StoredMessage> merged(List<StoredMessage> stored, Predicate<StoredMessage> matches) {
        if (staged == null || staged.isEmpty()) return stored;
        var out = new ArrayList<StoredMessage>(stored.size() + 4);
        for (var m : stored) if (!staged.containsKey(m.id())) out.add(m);
        boolean added = false;
        for (var m : staged.values()) {
            if (matches.test(m)) {
                out.add(m);
                added = true;
            }
        }
        if (added) out.sort(BY_DATE);
        return out;
    }
}

package io.dealwire.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The system of record for messages. Writes are idempotent: saving the same message twice leaves one.
 * Every save gives the message a new, higher {@link StoredMessage#seq()} so that readers (the search
 * index) can catch up with {@link #changedSince(long, int)}.
 */
public interface MessageRepository {

    Optional<StoredMessage> find(String id);

    /** Every stored message carrying this Message-ID header (different messages may share one). */
    List<StoredMessage> findByMessageId(String messageId);

    List<StoredMessage> findByConversation(String conversationId);

    /** Every message of the deal, by date (undated first), then id. Grows with the deal: readers per message want the bounded lookups below. */
    List<StoredMessage> findByDeal(String dealId);

    /**
     * The deal's messages dated from {@code from} to {@code to} (both included), in {@link #findByDeal} order;
     * undated messages are in no window. What reading one message needs of a long-running deal: its mail
     * around that message's date, not the whole history. Adapters override it to read only those messages.
     */
    default List<StoredMessage> findByDealBetween(String dealId, Instant from, Instant to) {
        return findByDeal(dealId).stream()
                .filter(m -> m.mail().date() != null && !m.mail().date().isBefore(from) && !m.mail().date().isAfter(to))
                .toList();
    }

    /**
     * The last {@code limit} messages of {@link #findByDeal} (the deal's newest, undated ones count as oldest),
     * in the same order. Adapters override it to read only those messages.
     */
    default List<StoredMessage> latestByDeal(String dealId, int limit) {
        if (limit <= 0) return List.of();
        var all = findByDeal(dealId);
        return all.size() <= limit ? all : List.copyOf(all.subList(all.size() - limit, all.size()));
    }

    /** Messages with a location in this mailbox (and folder, when not null). */
    List<StoredMessage> findByMailbox(String mailboxId, String folder);

    /** How many messages {@link #findByMailbox} would return, without reading them. */
    default long countByMailbox(String mailboxId, String folder) {
        return findByMailbox(mailboxId, folder).size();
    }

    /**
     * The locations of every message {@link #findByMailbox} would return, by message id (in id order),
     * without the messages' content: what reconciling a folder or counting needs, at a fraction of the memory.
     */
    default java.util.SortedMap<String, List<MessageLocation>> locationsByMailbox(String mailboxId, String folder) {
        var out = new java.util.TreeMap<String, List<MessageLocation>>();
        for (var m : findByMailbox(mailboxId, folder)) out.put(m.id(), m.locations());
        return out;
    }

    /** Inserts or replaces by id; returns the message with its new seq. */
    StoredMessage save(StoredMessage message);

    /**
     * Saves every message as {@link #save} would, in list order (a later copy of the same id wins), and
     * returns them with their new seqs. Adapters override it to write a batch in one round trip.
     */
    default List<StoredMessage> saveAll(List<StoredMessage> messages) {
        return messages.stream().map(this::save).toList();
    }

    /** Messages written after {@code seq}, in seq order, at most {@code limit}. */
    List<StoredMessage> changedSince(long seq, int limit);

    /** The highest seq given so far (0 for an empty store). */
    long lastSeq();

    long count();

    void delete(String id);
}

package io.dealwire.core.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The saves of one kind of record held back while the intake reads a batch, by id (a later save of an id
 * replaces the earlier), and how a read merges them into the store's answer. Outside a batch nothing is held.
 * The staged repositories ({@link StagedContacts}, {@link StagedCompanies}, {@link StagedDeals}) each keep one.
 *
 * <p>Not thread-safe: the intake serialises its calls.
 *
 * @param <T> the record (its id read by {@code idOf})
 */
final class StagedWrites<T> {
    /** Records read per page when every stored record must be looked at (see {@link #first}). */
    private static final int SCAN_PAGE = 500;

    private final Function<T, String> idOf;
    /** Saves held back, by id, in first-save order; null outside a batch. */
    private LinkedHashMap<String, T> held;

    StagedWrites(Function<T, String> idOf) {
        this.idOf = idOf;
    }

    void begin() {
        if (held != null) throw new IllegalStateException("a batch is already open");
        held = new LinkedHashMap<>();
    }

    /** Holds a save back during a batch; outside one, saves with {@code direct}. */
    T save(T record, UnaryOperator<T> direct) {
        if (held == null) return direct.apply(record);
        held.put(idOf.apply(record), record);
        return record;
    }

    /** Holds the saves back during a batch (a later copy of an id wins); outside one, saves them with {@code direct}. */
    List<T> saveAll(List<T> records, UnaryOperator<List<T>> direct) {
        if (held == null) return direct.apply(records);
        for (var r : records) held.put(idOf.apply(r), r);
        return List.copyOf(records);
    }

    /** Forgets a held save (its record was deleted). */
    void remove(String id) {
        if (held != null) held.remove(id);
    }

    /** Forgets the held saves that match (their records were deleted with another). */
    void removeIf(Predicate<T> deleted) {
        if (held != null) held.values().removeIf(deleted);
    }

    /** Writes what was held back, in first-save order, with {@code write} (not called when nothing was); ends the batch. */
    void flush(Consumer<List<T>> write) {
        var out = held == null ? List.<T>of() : List.copyOf(held.values());
        held = null;
        if (!out.isEmpty()) write.accept(out);
    }

    /** Drops what was held back (the batch failed and is read again). */
    void discard() {
        held = null;
    }

    /** Whether a save of this id is held back. */
    boolean holds(String id) {
        return held != null && held.containsKey(id);
    }

    /** The held version of {@code id}, or the store's. */
    Optional<T> find(String id, Function<String, Optional<T>> stored) {
        if (holds(id)) return Optional.of(held.get(id));
        return stored.apply(id);
    }

    /** The held records that match, in first-save order. */
    List<T> matching(Predicate<T> matches) {
        if (held == null) return List.of();
        var out = new ArrayList<T>();
        for (var r : held.values()) if (matches.test(r)) out.add(r);
        return out;
    }

    /** How many held records the store does not have yet. */
    long unknownTo(Function<String, Optional<T>> stored) {
        if (held == null) return 0;
        return held.keySet().stream().filter(id -> stored.apply(id).isEmpty()).count();
    }

    /**
     * The store's complete answer to a query with the held records in it: a held version replaces the stored one
     * (and may leave the answer or join it), a new record joins it when it matches; sorted by {@code order}.
     */
    List<T> merged(List<T> stored, Predicate<T> matches, Comparator<T> order) {
        if (held == null || held.isEmpty()) return stored;
        var out = new ArrayList<T>(stored.size() + 2);
        boolean changed = false;
        for (var r : stored) {
            if (held.containsKey(idOf.apply(r))) changed = true;
            else out.add(r);
        }
        for (var r : held.values()) {
            if (matches.test(r)) {
                out.add(r);
                changed = true;
            }
        }
        if (!changed) return stored;
        out.sort(order);
        return List.copyOf(out);
    }

    /**
     * The store's answer to "the first record, in {@code order}, with this key" ({@code stored}) with the held
     * records in it: the first of the held ones that match and the stored answer unless it is held.
     *
     * @param storedPage pages of every stored record, read only in the rare case that the stored answer is held
     *                   without the key any more (another stored record may have it too; the intake only adds
     *                   addresses and domains, a correction may remove them)
     */
    Optional<T> first(Optional<T> stored, Predicate<T> matches, Comparator<T> order,
                      BiFunction<Integer, Integer, List<T>> storedPage) {
        if (held == null) return stored;
        var candidates = new ArrayList<>(matching(matches));
        if (stored.isPresent()) {
            var answer = stored.get();
            if (!holds(idOf.apply(answer))) candidates.add(answer);
            else if (!matches.test(held.get(idOf.apply(answer)))) candidates.addAll(storedNotHeld(matches, storedPage));
        }
        return candidates.stream().min(order);
    }

    private List<T> storedNotHeld(Predicate<T> matches, BiFunction<Integer, Integer, List<T>> storedPage) {
        var out = new ArrayList<T>();
        for (int offset = 0; ; offset += SCAN_PAGE) {
            var page = storedPage.apply(offset, SCAN_PAGE);
            for (var r : page) if (!holds(idOf.apply(r)) && matches.test(r)) out.add(r);
            if (page.size() < SCAN_PAGE) return out;
        }
    }

    /**
     * A page of every record in {@code order} (the order the store pages by) with the held records in it. The
     * first {@code offset + limit} records of the merge are among the store's first {@code offset + limit} and the
     * held ones: a held version keeps its stored record's place.
     */
    List<T> page(BiFunction<Integer, Integer, List<T>> storedPage, int offset, int limit, Comparator<T> order) {
        if (held == null || held.isEmpty()) return storedPage.apply(offset, limit);
        int upTo = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit);
        return merged(storedPage.apply(0, upTo), r -> true, order).stream().skip(offset).limit(limit).toList();
    }
}

package io.dealwire.api.context;

import io.dealwire.api.cache.KeptReads;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the context derives from reads of the search index, kept by key until what searches see changes: the
 * index's generation ({@link io.dealwire.index.MessageIndex#generation()}) moves after every refresh that made a
 * write searchable, and the first read that sees it move drops everything kept. The context asks the same few
 * lookups for every message the add-on shows, and the index changes far less often than that.
 *
 * <p>Correct because the generation is read before the lookup it keys: a lookup made after reading {@code g}
 * sees the index at least as it stood at {@code g}, and everything kept is dropped before anyone is told the
 * generation moved, so nothing older than what searches see is handed out.
 *
 * @param <V> an immutable value: callers share it
 */
final class KeptIndexReads<K, V> {
    private final KeptReads<K, V> kept;
    private final LongSupplier generation;
    /** The generation whose reads are kept; older reads were dropped before it was set. */
    private final AtomicLong keptGeneration;

    /**
     * @param maxAge how long anything is kept at most: a bound on memory held by keys no longer asked for, not
     *               on staleness, which the generation decides
     */
    KeptIndexReads(LongSupplier generation, Duration maxAge) {
        this.kept = new KeptReads<>(maxAge);
        this.generation = generation;
        this.keptGeneration = new AtomicLong(generation.getAsLong());
    }

    V get(K key, Supplier<V> read) {
        long now = generation.getAsLong();
        long seen = keptGeneration.get();
        if (now != seen) {
            // dropped first, then the generation recorded: a reader that finds it recorded never gets an older read
            kept.changed(() -> {
            });
            keptGeneration.compareAndSet(seen, now);
        }
        return kept.get(key, read);
    }
}

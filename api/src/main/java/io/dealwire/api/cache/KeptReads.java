package io.dealwire.api.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads of a repository kept in memory by key, for a repository wrapper whose every write calls {@link #changed}:
 * a write drops everything kept (before and after it, so that a read overlapping the write is never served), and
 * anything is read again after {@code maxAge}, the bound on how long a change made by another process (or a store
 * that rolled back to its last commit) goes unseen.
 *
 * @param <V> an immutable value: callers share it
 */
public final class KeptReads<K, V> {
    /** More distinct keys than the service reads in a few seconds: past it the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 10_000;

    private final long maxAgeNanos;
    private final AtomicLong version = new AtomicLong();
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();

    private record Kept<V>(V value, long version, long readAtNanos) {
    }

    public KeptReads(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The value kept for a key, without reading; empty when none is kept or it is too old. */
    public Optional<V> peek(K key) {
        var k = kept.get(key);
        if (k == null || k.version() != version.get() || System.nanoTime() - k.readAtNanos() >= maxAgeNanos) return Optional.empty();
        return Optional.of(k.value());
    }

    /** The kept value, else {@code read}'s, kept when {@code keep} accepts it. */
    public V get(K key, Supplier<V> read, Predicate<V> keep) {
        var k = peek(key);
        if (k.isPresent()) return k.get();
        long readVersion = version.get();
        var value = read.get();
        if (keep.test(value)) {
            if (kept.size() >= MAX_ENTRIES) kept.clear();
            // kept with the version it was read at: if a write began since, peek never serves it
            kept.put(key, new Kept<>(value, readVersion, System.nanoTime()));
        }
        return value;
    }

    public V get(K key, Supplier<V> read) {
        return get(key, read, v -> true);
    }

    /** Runs a write of the repository, dropping everything kept before and after it. */
    public <T> T changed(Supplier<T> write) {
        forget();
        try {
            return write.get();
        } finally {
            forget();
        }
    }

    public void changed(Runnable write) {
        changed(() -> {
            write.run();
            return null;
        });
    }

    private void forget() {
        version.incrementAndGet();
        kept.clear();
    }
}

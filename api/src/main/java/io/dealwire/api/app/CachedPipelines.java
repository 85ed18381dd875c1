package io.dealwire.api.app;

import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineRepository;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The store's pipelines kept decoded in memory: a handful of records that the context, the deal views and the
 * board read several times a request (each read decoded every stage from BSON).
 *
 * <p>Every save or delete through this repository drops them; changes made by another process are seen after at
 * most {@link #MAX_AGE}.
 */
final class CachedPipelines implements PipelineRepository {
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final PipelineRepository store;
    private final long maxAgeNanos;
    /** Bumped before and after every write; a list read while it changed is not served. */
    private final AtomicLong version = new AtomicLong();
    private volatile Cached all;

    private record Cached(List<Pipeline> list, Map<String, Pipeline> byId, long version, long readAtNanos) {
    }

    CachedPipelines(PipelineRepository store) {
        this(store, MAX_AGE);
    }

    CachedPipelines(PipelineRepository store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public Optional<Pipeline> find(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    @Override
    public List<Pipeline> list() {
        return current().list();
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        version.incrementAndGet();
        try {
            return store.save(pipeline);
        } finally {
            version.incrementAndGet();
        }
    }

    @Override
    public void delete(String id) {
        version.incrementAndGet();
        try {
            store.delete(id);
        } finally {
            version.incrementAndGet();
        }
    }

    private Cached current() {
        var c = all;
        if (c != null && c.version() == version.get() && System.nanoTime() - c.readAtNanos() < maxAgeNanos) return c;
        long v = version.get();
        var list = List.copyOf(store.list());
        var fresh = new Cached(list, list.stream().collect(Collectors.toUnmodifiableMap(Pipeline::id, Function.identity(), (a, b) -> a)), v, System.nanoTime());
        all = fresh;
        return fresh;
    }
}

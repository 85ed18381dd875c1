package io.dealwire.api.app;

import io.dealwire.core.pipeline.InMemoryPipelineRepository;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.pipeline.PipelineTemplates;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Pipelines are read decoded from memory, and never outlive a change made through the repository. */
class CachedPipelinesTest {
    /** Longer than any test runs: what is kept never ages out in the middle of a test, however slow the machine. */
    private static final Duration KEEP = Duration.ofHours(1);
    private final AtomicInteger reads = new AtomicInteger();
    private final PipelineRepository store = new CountingPipelines(new InMemoryPipelineRepository(), reads);

    /** The store's pipelines, counting the reads. */
    private record CountingPipelines(PipelineRepository store, AtomicInteger reads) implements PipelineRepository {
        @Override
        public Optional<Pipeline> find(String id) {
            reads.incrementAndGet();
            return store.find(id);
        }

        @Override
        public List<Pipeline> list() {
            reads.incrementAndGet();
            return store.list();
        }

        @Override public Pipeline save(Pipeline pipeline) { return store.save(pipeline); }
        @Override public void delete(String id) { store.delete(id); }
    }

    private static Pipeline renamed(Pipeline p, String name) {
        return new Pipeline(p.id(), name, p.model(), p.stages(), p.inferenceMode());
    }

    @Test
    void pipelinesAreReadOnceWhileNothingChanges() {
        var cache = new CachedPipelines(store, KEEP);
        cache.save(PipelineTemplates.defaultPipeline());
        cache.save(PipelineTemplates.inbound());
        assertEquals(PipelineTemplates.defaultPipeline(), cache.find(PipelineTemplates.DEFAULT_ID).orElseThrow());
        int after = reads.get();
        for (int i = 0; i < 10; i++) {
            assertEquals(PipelineTemplates.inbound(), cache.find(PipelineTemplates.inbound().id()).orElseThrow());
            assertEquals(Optional.empty(), cache.find("no-such-pipeline"));
            assertEquals(store.list(), cache.list());
        }
        assertEquals(after + 10, reads.get(), "only the test's own reads of the store's list");
    }

    @Test
    void aSaveOrDeleteIsSeenAtOnce() {
        var cache = new CachedPipelines(store, KEEP);
        var pipeline = cache.save(PipelineTemplates.defaultPipeline());
        assertEquals(pipeline.name(), cache.find(pipeline.id()).orElseThrow().name());

        cache.save(renamed(pipeline, "Renamed"));
        assertEquals("Renamed", cache.find(pipeline.id()).orElseThrow().name());

        cache.delete(pipeline.id());
        assertEquals(Optional.empty(), cache.find(pipeline.id()));
        assertEquals(List.of(), cache.list());
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceWhatWasKeptIsTooOld() {
        // max age zero: nothing kept is ever fresh, the stand-in for "after MAX_AGE" without waiting for it
        var cache = new CachedPipelines(store, Duration.ZERO);
        var pipeline = cache.save(PipelineTemplates.defaultPipeline());
        assertEquals(pipeline.name(), cache.find(pipeline.id()).orElseThrow().name());

        store.save(renamed(pipeline, "Renamed elsewhere"));

        assertEquals("Renamed elsewhere", cache.find(pipeline.id()).orElseThrow().name());
    }
}

package io.dealwire.store.repository;

import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.mapping.PipelineMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Pipelines in MongoDB: a handful of documents, read whole. */
public final class MongoPipelineRepository implements PipelineRepository {
    private final KeyedCollection pipelines;
    private final StoreGuard guard;

    public MongoPipelineRepository(KeyedCollection pipelines, StoreGuard guard) {
        this.pipelines = pipelines;
        this.guard = guard;
    }

    @Override
    public Optional<Pipeline> find(String id) {
        return guard.call(() -> pipelines.findByIds(List.of(id)).stream().findFirst().map(PipelineMapping::fromDocument));
    }

    @Override
    public List<Pipeline> list() {
        return guard.call(() -> pipelines.all().stream().map(PipelineMapping::fromDocument)
                .sorted(Comparator.comparing(Pipeline::id)).toList());
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        guard.run(() -> pipelines.replace(PipelineMapping.toDocument(pipeline)));
        return pipeline;
    }

    @Override
    public void delete(String id) {
        guard.run(() -> pipelines.delete(id));
    }
}

package io.dealwire.core.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link PipelineRepository}. */
public final class InMemoryPipelineRepository implements PipelineRepository {
    private final ConcurrentHashMap<String, Pipeline> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Pipeline> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Pipeline> list() {
        return byId.values().stream().sorted(Comparator.comparing(Pipeline::id)).toList();
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        byId.put(pipeline.id(), pipeline);
        return pipeline;
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
    }
}

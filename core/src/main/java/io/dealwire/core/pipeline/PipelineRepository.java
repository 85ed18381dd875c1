package io.dealwire.core.pipeline;

import java.util.List;
import java.util.Optional;

public interface PipelineRepository {
    Optional<Pipeline> find(String id);

    List<Pipeline> list();

    Pipeline save(Pipeline pipeline);

    void delete(String id);
}

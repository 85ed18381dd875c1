package io.dealwire.core.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Ordered stages. Stages after a win (onboarding, upsell) are allowed: order is the pipeline's, not the kinds'. */
public record Pipeline(String id, String name, SalesModel model, List<Stage> stages, InferenceMode inferenceMode) {
    public Pipeline {
        Objects.requireNonNull(id, "id");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("pipeline " + id + " has no stages");
        if (stages.stream().map(Stage::id).distinct().count() != stages.size())
            throw new IllegalArgumentException("pipeline " + id + " has two stages with the same id");
        model = model == null ? SalesModel.DEFAULT : model;
        inferenceMode = inferenceMode == null ? InferenceMode.AUTO : inferenceMode;
    }

    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /** Position of a stage in the pipeline, or -1. */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) if (stages.get(i).id().equals(stageId)) return i;
        return -1;
    }

    public Stage firstStage() {
        return stages.getFirst();
    }
}

package io.dealwire.api.pipeline;

import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.Stage;

import java.util.List;
import java.util.Locale;

/** A pipeline as the API reads and writes it; enums in lower case. */
public record PipelineView(String id, String name, String model, String inferenceMode, List<StageView> stages) {

    /**
     * @param kind           open, won, lost or parked
     * @param probability    win probability for the forecast, 0..1
     * @param inactivityDays days without mail after which an open deal is inactive; 0 = never
     */
    public record StageView(String id, String name, String kind, double probability, int inactivityDays, boolean businessDays) {
        static StageView of(Stage s) {
            return new StageView(s.id(), s.name(), lower(s.kind()), s.probability(), s.inactivityDays(), s.businessDays());
        }
    }

    public static PipelineView of(Pipeline p) {
        return new PipelineView(p.id(), p.name(), lower(p.model()), lower(p.inferenceMode()), p.stages().stream().map(StageView::of).toList());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

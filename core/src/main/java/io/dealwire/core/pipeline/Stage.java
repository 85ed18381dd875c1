package io.dealwire.core.pipeline;

import java.util.Objects;

/**
 * One step of a pipeline.
 *
 * @param probability    win probability used by the forecast, 0..1
 * @param inactivityDays days without email in either direction after which an open deal is inactive; 0 = never
 * @param businessDays   count only Monday to Friday
 */
public record Stage(String id, String name, StageKind kind, double probability, int inactivityDays, boolean businessDays) {
    public Stage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (probability < 0 || probability > 1) throw new IllegalArgumentException("stage " + id + ": probability must be between 0 and 1");
        if (inactivityDays < 0) throw new IllegalArgumentException("stage " + id + ": inactivityDays must not be negative");
    }

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }
}

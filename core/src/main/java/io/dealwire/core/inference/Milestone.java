package io.dealwire.core.inference;

import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;

import java.util.List;
import java.util.Optional;

/**
 * What mail can tell about a deal, independent of how a pipeline names its stages. Each milestone finds its
 * stage in a pipeline by id (the default pipeline's ids, then the aliases the templates use) or, for the
 * closing milestones, by stage kind.
 */
public enum Milestone {
    CONTACTED(null, "contacted", "inquiry", "lead-in", "first-contact", "recognises-problem", "in-touch", "engaged"),
    QUALIFIED(null, "qualified", "qualification", "commits-to-invest", "needs-analysis", "discovery"),
    PROPOSAL(null, "proposal", "proposal-made", "quote", "evaluates-alternatives", "offer"),
    WON(StageKind.WON, "won", "closed-won"),
    LOST(StageKind.LOST, "lost", "closed-lost"),
    FRIDGE(StageKind.PARKED, "fridge", "parked", "on-hold");

    private final StageKind kind;
    private final List<String> ids;

    Milestone(StageKind kind, String... ids) {
        this.kind = kind;
        this.ids = List.of(ids);
    }

    /** The stage of this pipeline that stands for the milestone, if it has one. */
    public Optional<Stage> in(Pipeline pipeline) {
        for (var id : ids) {
            var s = pipeline.stage(id);
            if (s.isPresent()) return s;
        }
        if (kind != null) return pipeline.stages().stream().filter(s -> s.kind() == kind).findFirst();
        return Optional.empty();
    }

    /** Moves the deal forward in the open part of the funnel (as opposed to lost/fridge, which fall back). */
    public boolean isForward() {
        return this == CONTACTED || this == QUALIFIED || this == PROPOSAL || this == WON;
    }
}

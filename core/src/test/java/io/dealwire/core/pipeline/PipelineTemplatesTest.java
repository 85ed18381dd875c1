package io.dealwire.core.pipeline;

import io.dealwire.core.inference.Milestone;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTemplatesTest {

    @Test
    void theDefaultPipelineIsTheDomainBriefs() {
        var p = PipelineTemplates.defaultPipeline();
        assertEquals(List.of("prospect", "contacted", "qualified", "proposal", "won", "lost", "fridge"),
                p.stages().stream().map(Stage::id).toList());
        assertEquals(List.of(StageKind.OPEN, StageKind.OPEN, StageKind.OPEN, StageKind.OPEN, StageKind.WON, StageKind.LOST, StageKind.PARKED),
                p.stages().stream().map(Stage::kind).toList());
        p.stages().forEach(s -> assertEquals(s.isOpen() ? 14 : 0, s.inactivityDays(), s.id()));
        assertEquals(List.of(0.05, 0.1, 0.3, 0.6, 1.0, 0.0, 0.05), p.stages().stream().map(Stage::probability).toList());
        assertEquals(InferenceMode.AUTO, p.inferenceMode());
    }

    @Test
    void everyTemplateHasDistinctIdsAndTheMilestonesInferenceNeeds() {
        var all = PipelineTemplates.all();
        assertEquals(all.size(), all.stream().map(Pipeline::id).distinct().count());
        for (var p : all) {
            for (var m : Milestone.values()) assertTrue(m.in(p).isPresent(), p.id() + " lacks a stage for " + m);
        }
    }

    @Test
    void theRelationshipTemplateGoesOnAfterTheWin() {
        var p = PipelineTemplates.relationship();
        int won = p.indexOf("won");
        assertTrue(p.indexOf("onboarding") > won && p.indexOf("retention") > won && p.indexOf("upsell") > won);
        assertEquals(StageKind.WON, p.stage("retention").orElseThrow().kind());
        assertTrue(p.stage("retention").orElseThrow().inactivityDays() > 0, "a quiet customer after the sale is a churn risk");
    }

    @Test
    void theBuyerJourneyFollowsTheBuyersSteps() {
        var ids = PipelineTemplates.buyerJourney().stages().stream().map(Stage::id).toList();
        assertEquals(List.of("pre-funnel", "recognises-problem", "business-impact", "commits-to-invest", "decision-criteria",
                "evaluates-alternatives", "chooses-vendor", "closing", "won", "lost", "fridge"), ids);
    }

    @Test
    void thresholdsCanCountBusinessDays() {
        var p = PipelineTemplates.inBusinessDays(PipelineTemplates.outbound());
        assertTrue(p.stages().stream().allMatch(Stage::businessDays));
        assertEquals(PipelineTemplates.outbound().stages().size(), p.stages().size());
    }
}

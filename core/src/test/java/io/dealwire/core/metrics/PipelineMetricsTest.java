package io.dealwire.core.metrics;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Eight deals in the default pipeline, March 2025 as the period, a target of 50,000; every expectation below
 * is worked out by hand in the comments.
 */
class PipelineMetricsTest {
    private static final double EPS = 1e-9;
    private static final Instant AS_OF = Instant.parse("2025-04-01T00:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private int changeId;

    @BeforeEach
    void setUp() {
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        // A: 10,000, alice, prospect → contacted → qualified → proposal → won on 03-03 (30 days after creation).
        deal("A", "alice", 10000, "won", "2025-02-01", "prospect>contacted@2025-02-05", "contacted>qualified@2025-02-10",
                "qualified>proposal@2025-02-20", "proposal>won@2025-03-03");
        // B: 20,000, bob, jumps from contacted to won on 03-11 (38 days).
        deal("B", "bob", 20000, "won", "2025-02-01", "prospect>contacted@2025-02-05", "contacted>won@2025-03-11");
        // C: 5,000, alice, lost on 03-15 from qualified.
        deal("C", "alice", 5000, "lost", "2025-02-01", "prospect>contacted@2025-02-05", "contacted>qualified@2025-02-15", "qualified>lost@2025-03-15");
        // D: 8,000, alice, open at proposal (probability 0.6).
        deal("D", "alice", 8000, "proposal", "2025-03-01", "prospect>contacted@2025-03-01", "contacted>proposal@2025-03-11");
        // E: 4,000, bob, open at qualified (0.3).
        deal("E", "bob", 4000, "qualified", "2025-03-10", "prospect>contacted@2025-03-10", "contacted>qualified@2025-03-21");
        // F: 3,000, bob, open at contacted (0.1); a pending suggestion to won does not count.
        deal("F", "bob", 3000, "contacted", "2025-03-20", "prospect>contacted@2025-03-25");
        store.deals().saveChange(new StageChange("s-F", "F", "contacted", "won", Instant.parse("2025-03-28T00:00:00Z"), ChangeMode.SUGGESTED,
                new Evidence("m", "won.accepted", "we accept", 0.9), null, null));
        // G: 6,000, bob, in the fridge.
        deal("G", "bob", 6000, "fridge", "2025-02-01", "prospect>contacted@2025-02-05", "contacted>fridge@2025-02-25");
        // H: 1,000, bob, won in January: outside the period.
        deal("H", "bob", 1000, "won", "2025-01-01", "prospect>won@2025-01-11");
    }

    private void deal(String id, String owner, double value, String stage, String created, String... moves) {
        var createdAt = Instant.parse(created + "T00:00:00Z");
        store.deals().save(new Deal(id, id, "default", stage, "c-" + id, null, owner, value, "EUR", createdAt, createdAt, false));
        for (var m : moves) {
            var fromTo = m.substring(0, m.indexOf('@')).split(">");
            var at = Instant.parse(m.substring(m.indexOf('@') + 1) + "T00:00:00Z");
            store.deals().saveChange(new StageChange("c" + (++changeId), id, fromTo[0], fromTo[1], at, ChangeMode.AUTO,
                    new Evidence("m", "rule", "", 0.9), null, null));
        }
    }

    private MetricsQuery march(Double target) {
        return new MetricsQuery("default", null, Instant.parse("2025-03-01T00:00:00Z"), AS_OF, AS_OF, target);
    }

    @Test
    void wholeTeam() {
        var r = PipelineMetrics.of(store, march(50000.0));
        assertEquals(2, r.won());
        assertEquals(1, r.lost());
        assertEquals(2.0 / 3, r.winRate(), EPS);
        assertEquals(15000, r.averageDealSize(), EPS);          // (10,000 + 20,000) / 2
        assertEquals(34, r.averageCycleDays(), EPS);            // (30 + 38) / 2
        assertEquals(3, r.openDeals());                         // D, E, F
        assertEquals(15000, r.openValue(), EPS);
        assertEquals(6300, r.forecast(), EPS);                  // 8,000×0.6 + 4,000×0.3 + 3,000×0.1
        assertEquals(12000, r.rtv(), EPS);                      // D + E: at or past qualified
        assertEquals(30000, r.salesToDate(), EPS);
        assertEquals(20000, r.gap(), EPS);                      // 50,000 − 30,000
        assertEquals(0.6, r.funnelFactor(), EPS);               // 12,000 / 20,000
        assertEquals(3 * 15000 * (2.0 / 3) / 34, r.velocity(), EPS);
        assertEquals("EUR", r.currency());
    }

    @Test
    void theFunnelCountsJumpsAsPassingTheStagesBetween() {
        var r = PipelineMetrics.of(store, march(null));
        // Furthest funnel position: A, B, H won; D proposal; C, E qualified; F, G contacted. Reaching ignores the period.
        assertEquals(List.of("prospect", "contacted", "qualified", "proposal", "won"), r.funnel().stream().map(PipelineReport.FunnelStage::stageId).toList());
        assertEquals(List.of(8, 8, 6, 4, 3), r.funnel().stream().map(PipelineReport.FunnelStage::reached).toList());
        assertEquals(1.0, r.funnel().get(0).conversionToNext(), EPS);         // 8 / 8
        assertEquals(0.75, r.funnel().get(1).conversionToNext(), EPS);        // 6 / 8
        assertEquals(4.0 / 6, r.funnel().get(2).conversionToNext(), EPS);     // 4 / 6
        assertEquals(0.75, r.funnel().get(3).conversionToNext(), EPS);        // 3 / 4
        assertNull(r.funnel().get(4).conversionToNext(), "the last stage has no next");
        assertEquals("Proposal made", r.funnel().get(3).name());
        assertEquals(StageKind.WON, r.funnel().get(4).kind());
        assertNull(r.gap());
        assertNull(r.funnelFactor());
    }

    @Test
    void eachFunnelStageSaysWhatIsThereNow() {
        var f = PipelineMetrics.of(store, march(null)).funnel();
        // Nobody is left at prospect; F at contacted, E at qualified, D at proposal; A, B and H (any period) at won.
        assertEquals(List.of(0, 1, 1, 1, 3), f.stream().map(PipelineReport.FunnelStage::current).toList());
        assertEquals(List.of(0.0, 3000.0, 4000.0, 8000.0, 31000.0), f.stream().map(PipelineReport.FunnelStage::value).toList());
    }

    @Test
    void timeInStageAveragesEveryStayIncludingThoseStillGoing() {
        var f = PipelineMetrics.of(store, march(null)).funnel();
        assertEquals((4 + 4 + 4 + 0 + 0 + 5 + 4 + 10) / 8.0, f.get(0).averageDaysInStage(), EPS); // A B C D E F G H
        assertEquals((5 + 34 + 10 + 10 + 11 + 7 + 20) / 7.0, f.get(1).averageDaysInStage(), EPS); // A B C D E F G
        assertEquals((10 + 28 + 11) / 3.0, f.get(2).averageDaysInStage(), EPS); // A, C, E
        assertEquals((11 + 21) / 2.0, f.get(3).averageDaysInStage(), EPS);      // A 02-20→03-03, D 03-11→04-01
        assertEquals((29 + 21 + 80) / 3.0, f.get(4).averageDaysInStage(), EPS); // A from 03-03, B from 03-11, H from 01-11
    }

    @Test
    void aHistoryThatRecordsTheCreationAddsNoStayBeforeIt() {
        var own = new InMemoryStore();
        own.pipelines().save(PipelineTemplates.defaultPipeline());
        var created = Instant.parse("2025-03-01T00:00:00Z");
        own.deals().save(new Deal("X", "X", "default", "qualified", "c-X", null, "alice", 1000, "EUR", created, created, false));
        own.deals().saveChange(new StageChange("x0", "X", null, "prospect", created, ChangeMode.AUTO, null, null, null));
        own.deals().saveChange(new StageChange("x1", "X", "prospect", "qualified", Instant.parse("2025-03-05T00:00:00Z"), ChangeMode.AUTO, null, null, null));
        var f = PipelineMetrics.of(own, march(null)).funnel();
        assertEquals(4, f.get(0).averageDaysInStage(), EPS);    // prospect 03-01→03-05
        assertNull(f.get(1).averageDaysInStage(), "jumped over contacted");
        assertEquals(27, f.get(2).averageDaysInStage(), EPS);   // qualified 03-05→04-01, one stay only
        assertEquals(List.of(1, 1, 1, 0, 0), f.stream().map(PipelineReport.FunnelStage::reached).toList());
    }

    @Test
    void onlyTheVisibleDealsCount() {
        var r = PipelineMetrics.of(store, march(null), d -> d.id().equals("A") || d.id().equals("C") || d.id().equals("D"));
        assertEquals(1, r.won());
        assertEquals(1, r.lost());
        assertEquals(1, r.openDeals());
        assertEquals(8000 * 0.6, r.forecast(), EPS);
        assertEquals(List.of(3, 3, 3, 2, 1), r.funnel().stream().map(PipelineReport.FunnelStage::reached).toList());
        assertEquals("EUR", r.currency());

        var none = PipelineMetrics.of(store, march(null), d -> false);
        assertNull(none.currency(), "no deal, no currency");
        assertEquals(0, none.funnel().getFirst().reached());
        assertNull(none.funnel().getFirst().conversionToNext(), "nothing reached, nothing to convert");
        assertEquals(0, none.winRate(), EPS);
    }

    @Test
    void perOwner() {
        var byOwner = PipelineMetrics.byOwner(store, march(null));
        assertEquals(List.of("alice", "bob"), List.copyOf(byOwner.keySet()));
        assertEquals(0.5, byOwner.get("alice").winRate(), EPS);       // A won, C lost
        assertEquals(1.0, byOwner.get("bob").winRate(), EPS);         // B won; H is outside the period
        assertEquals(4000 * 0.3 + 3000 * 0.1, byOwner.get("bob").forecast(), EPS);
    }

    @Test
    void aReachedTargetHasNoFunnelFactor() {
        var r = PipelineMetrics.of(store, march(25000.0));
        assertEquals(-5000, r.gap(), EPS);
        assertNull(r.funnelFactor());
    }
}

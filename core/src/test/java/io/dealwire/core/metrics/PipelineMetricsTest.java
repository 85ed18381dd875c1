package io.dealwire.core.metrics;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.pipeline.PipelineTemplates;
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
    }

    @Test
    void conversionsCountJumpsAsPassingTheStagesBetween() {
        var r = PipelineMetrics.of(store, march(null));
        // Furthest funnel position: A, B, H won; D proposal; C, E qualified; F, G contacted.
        assertEquals(List.of(
                new PipelineReport.Conversion("prospect", "contacted", 8, 8),
                new PipelineReport.Conversion("contacted", "qualified", 8, 6),
                new PipelineReport.Conversion("qualified", "proposal", 6, 4),
                new PipelineReport.Conversion("proposal", "won", 4, 3)), r.conversions());
        assertEquals(0.75, r.conversions().get(3).rate(), EPS);
        assertNull(r.gap());
        assertNull(r.funnelFactor());
    }

    @Test
    void timeInStageAveragesEveryStayIncludingThoseStillGoing() {
        var days = PipelineMetrics.of(store, march(null)).daysInStage();
        assertEquals((11 + 21) / 2.0, days.get("proposal"), EPS);      // A 02-20→03-03, D 03-11→04-01
        assertEquals((10 + 28 + 11) / 3.0, days.get("qualified"), EPS); // A, C, E
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

package io.dealwire.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.TestHttp;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import io.dealwire.core.company.Company;
import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics on five deals worked out by hand: one won in 10 days, one lost, three open at different stages. */
class MetricsTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    @TempDir
    Path dataDir;
    private Dealwire app;
    private TestHttp http;

    @BeforeEach
    void seed() {
        app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1));
        http = new TestHttp(app.port(), TOKEN);
        var admin = http.get("/api/me").json().get("id").asText();
        app.store().companies().save(new Company("co", "Acme", List.of("acme.example"), day(1)));
        deal("A", admin, 1000, "won", day(11), "qualified", day(5), "won", day(11));
        deal("B", admin, 500, "lost", day(21), "contacted", day(3), "lost", day(21));
        deal("C", admin, 2000, "qualified", day(10), "qualified", day(10));
        deal("D", admin, 400, "contacted", day(2), "contacted", day(2));
        deal("E", "someone-else", 3000, "proposal", day(12), "qualified", day(6), "proposal", day(12));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static Instant day(int n) {
        return Instant.parse("2025-01-01T00:00:00Z").plusSeconds((n - 1) * 86_400L);
    }

    /** A deal created on day 1 at prospect, then moved through {@code steps} (stage, at, stage, at…). */
    private void deal(String id, String owner, double value, String stage, Instant changed, Object... steps) {
        app.store().deals().save(new Deal(id, "Deal " + id, "default", stage, "co", null, owner, value, "EUR", day(1), changed, false));
        app.store().deals().saveChange(new StageChange(id + "-0", id, null, "prospect", day(1), ChangeMode.AUTO, null, null, null));
        String from = "prospect";
        for (int i = 0; i < steps.length; i += 2) {
            app.store().deals().saveChange(new StageChange(id + "-" + (i + 1), id, from, (String) steps[i], (Instant) steps[i + 1],
                    ChangeMode.AUTO, null, null, null));
            from = (String) steps[i];
        }
    }

    private static List<Integer> ints(JsonNode funnel, String field) {
        return StreamSupport.stream(funnel.spliterator(), false).map(s -> s.get(field).asInt()).toList();
    }

    private static double daysSince(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 86_400_000.0;
    }

    @Test
    void winRateCycleVelocityForecastRtvGapAndFunnelFactor() {
        var m = http.get("/api/metrics?pipeline=default&target=3000");
        assertEquals(200, m.status(), m.body());
        var j = m.json();
        assertEquals("default", j.get("pipelineId").asText());
        assertEquals(1, j.get("won").asInt());
        assertEquals(1, j.get("lost").asInt());
        assertEquals(0.5, j.get("winRate").asDouble(), 1e-9);
        assertEquals(1000, j.get("averageDealSize").asDouble(), 1e-9);
        assertEquals(10, j.get("averageCycleDays").asDouble(), 1e-9, "A: created day 1, won day 11");
        assertEquals(3, j.get("openDeals").asInt());
        assertEquals(2000 + 400 + 3000, j.get("openValue").asDouble(), 1e-9);
        assertEquals(150, j.get("velocity").asDouble(), 1e-9, "3 open × 1000 × 0.5 ÷ 10 days");
        assertEquals(2000 * 0.3 + 400 * 0.1 + 3000 * 0.6, j.get("forecast").asDouble(), 1e-9);
        assertEquals(5000, j.get("rtv").asDouble(), 1e-9, "qualified and later open stages");
        assertEquals(1000, j.get("salesToDate").asDouble(), 1e-9);
        assertEquals(2000, j.get("gap").asDouble(), 1e-9);
        assertEquals(2.5, j.get("funnelFactor").asDouble(), 1e-9);
        assertEquals("EUR", j.get("currency").asText());
    }

    @Test
    void theFunnelCountsTheFurthestStageEachDealReachedJumpsIncluded() {
        var before = Instant.now();
        var funnel = http.get("/api/metrics").json().get("funnel");
        var after = Instant.now();
        assertEquals(List.of("prospect", "contacted", "qualified", "proposal", "won"),
                StreamSupport.stream(funnel.spliterator(), false).map(s -> s.get("stageId").asText()).toList());
        assertEquals(List.of(5, 5, 3, 2, 1), ints(funnel, "reached"));
        assertEquals(1.0, funnel.get(0).get("conversionToNext").asDouble(), 1e-9);
        assertEquals(0.6, funnel.get(1).get("conversionToNext").asDouble(), 1e-9);
        assertEquals(2.0 / 3, funnel.get(2).get("conversionToNext").asDouble(), 1e-9);
        assertEquals(0.5, funnel.get(3).get("conversionToNext").asDouble(), 1e-9);
        assertTrue(funnel.get(4).get("conversionToNext").isNull());
        // Now: D at contacted, C at qualified, E at proposal, A at won.
        assertEquals(List.of(0, 1, 1, 1, 1), ints(funnel, "current"));
        assertEquals(2000, funnel.get(2).get("value").asDouble(), 1e-9);
        assertEquals(3000, funnel.get(3).get("value").asDouble(), 1e-9);
        // Prospect stays: A 4 days, B 2, C 9, D 1, E 5.
        assertEquals((4 + 2 + 9 + 1 + 5) / 5.0, funnel.get(0).get("averageDaysInStage").asDouble(), 1e-9);
        // Qualified: A 6 days (day 5 to 11), E 6 (day 6 to 12), and C since day 10, still going (stays count whole seconds).
        double qualified = funnel.get(2).get("averageDaysInStage").asDouble();
        assertTrue(qualified >= (12 + daysSince(day(10), before.minusSeconds(1))) / 3 && qualified <= (12 + daysSince(day(10), after)) / 3, String.valueOf(qualified));
    }

    @Test
    void ownerAndPeriodNarrowTheNumbers() {
        var mine = http.get("/api/metrics?owner=me").json();
        assertEquals(2, mine.get("openDeals").asInt(), "E belongs to someone else");
        assertEquals(2000 * 0.3 + 400 * 0.1, mine.get("forecast").asDouble(), 1e-9);
        assertEquals(List.of(4, 4, 2, 1, 1), ints(mine.get("funnel"), "reached"), "A, B, C, D");

        var late = http.get("/api/metrics?from=2025-01-15").json();
        assertEquals(0, late.get("won").asInt());
        assertEquals(1, late.get("lost").asInt(), "only B closed after the 15th, and it was lost");
        assertEquals(0.0, late.get("winRate").asDouble(), 1e-9);
        assertEquals(0.0, late.get("salesToDate").asDouble(), 1e-9);
        assertEquals(List.of(5, 5, 3, 2, 1), ints(late.get("funnel"), "reached"), "reaching a stage counts every deal, whatever the period");

        // 'to' is a whole day: A won at the first moment of day 11.
        assertEquals(0, http.get("/api/metrics?from=2025-01-01&to=2025-01-10").json().get("won").asInt());
        assertEquals(1, http.get("/api/metrics?from=2025-01-01&to=2025-01-11").json().get("won").asInt());

        assertEquals(400, http.get("/api/metrics?from=2025-02-01&to=2025-01-01").status());
        assertEquals(400, http.get("/api/metrics?from=2999-01-01").status(), "a period that would end before it starts");
        assertEquals(400, http.get("/api/metrics?target=lots").status());
        assertEquals(400, http.get("/api/metrics?from=yesterday").status());
        assertEquals(404, http.get("/api/metrics?pipeline=none").status());
        assertTrue(http.get("/api/metrics").json().get("gap").isNull(), "no target, no GAP");
    }
}

package io.dealwire.core.metrics;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.inference.Milestone;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Pipeline metrics from the deals and their stage history. Only applied changes count (a pending suggestion
 * has not moved the deal). Stages skipped by a jump forward count as passed: a deal that went from contacted
 * straight to won converted at every step in between.
 */
public final class PipelineMetrics {
    private static final double DAY_SECONDS = 86_400.0;
    private static final int PAGE = 500;

    private PipelineMetrics() {
    }

    /** Reads the pipeline's deals (of the owner, when set) and their history from the store. */
    public static PipelineReport of(Store store, MetricsQuery query) {
        return of(store, query, deal -> true);
    }

    /**
     * Like {@link #of(Store, MetricsQuery)} over only the deals {@code visible} accepts: a viewer's numbers count
     * the deals that viewer may see, nothing else.
     *
     * @throws IllegalArgumentException when the store has no such pipeline
     */
    public static PipelineReport of(Store store, MetricsQuery query, Predicate<Deal> visible) {
        var pipeline = store.pipelines().find(query.pipelineId())
                .orElseThrow(() -> new IllegalArgumentException("no pipeline " + query.pipelineId()));
        var deals = new ArrayList<Deal>();
        var history = new HashMap<String, List<StageChange>>();
        for (int offset = 0; ; offset += PAGE) {
            var page = store.deals().list(offset, PAGE);
            for (var d : page) {
                if (!d.pipelineId().equals(pipeline.id())) continue;
                if (query.ownerId() != null && !query.ownerId().equals(d.ownerId())) continue;
                if (!visible.test(d)) continue;
                deals.add(d);
                history.put(d.id(), store.deals().changes(d.id()));
            }
            if (page.size() < PAGE) break;
        }
        return compute(pipeline, deals, history, query);
    }

    /** One report per owner of the pipeline's deals (deals without an owner are left out). */
    public static Map<String, PipelineReport> byOwner(Store store, MetricsQuery query) {
        var owners = new TreeSet<String>();
        for (int offset = 0; ; offset += PAGE) {
            var page = store.deals().list(offset, PAGE);
            for (var d : page) if (d.pipelineId().equals(query.pipelineId()) && d.ownerId() != null) owners.add(d.ownerId());
            if (page.size() < PAGE) break;
        }
        var out = new LinkedHashMap<String, PipelineReport>();
        for (var owner : owners) out.put(owner, of(store, query.forOwner(owner)));
        return out;
    }

    public static PipelineReport compute(Pipeline pipeline, List<Deal> deals, Map<String, List<StageChange>> history, MetricsQuery query) {
        var funnel = funnel(pipeline);
        var reachedAtLeast = new int[funnel.size()];
        var current = new int[funnel.size()];
        var currentValue = new double[funnel.size()];
        int won = 0;
        int lost = 0;
        double wonValue = 0;
        double cycleDays = 0;
        var stageDays = new HashMap<String, Double>();
        var stageVisits = new HashMap<String, Integer>();
        int open = 0;
        double openValue = 0;
        double forecast = 0;
        double rtv = 0;
        int viableFrom = Milestone.QUALIFIED.in(pipeline).map(s -> pipeline.indexOf(s.id())).orElse(0);

        for (var deal : deals) {
            var visits = visits(deal, history.getOrDefault(deal.id(), List.of()), query.asOf());
            int furthest = -1;
            for (var v : visits) {
                furthest = Math.max(furthest, funnelPosition(pipeline, funnel, v.stageId()));
                stageDays.merge(v.stageId(), v.days(), Double::sum);
                stageVisits.merge(v.stageId(), 1, Integer::sum);
            }
            for (int i = 0; i <= furthest && i < reachedAtLeast.length; i++) reachedAtLeast[i]++;
            for (int i = 0; i < funnel.size(); i++) {
                if (funnel.get(i).id().equals(deal.stageId())) {
                    current[i]++;
                    currentValue[i] += deal.value();
                }
            }

            var stage = pipeline.stage(deal.stageId()).orElse(null);
            if (stage == null) continue;
            var closedAt = visits.getLast().enteredAt();
            if (stage.kind() == StageKind.WON && query.inPeriod(closedAt)) {
                won++;
                wonValue += deal.value();
                Instant start = deal.createdAt() != null ? deal.createdAt() : visits.getFirst().enteredAt();
                if (start != null) cycleDays += Math.max(0, Duration.between(start, closedAt).getSeconds() / DAY_SECONDS);
            } else if (stage.kind() == StageKind.LOST && query.inPeriod(closedAt)) {
                lost++;
            } else if (stage.kind() == StageKind.OPEN) {
                open++;
                openValue += deal.value();
                forecast += deal.value() * stage.probability();
                if (pipeline.indexOf(stage.id()) >= viableFrom) rtv += deal.value();
            }
        }

        var rows = new ArrayList<PipelineReport.FunnelStage>();
        for (int i = 0; i < funnel.size(); i++) {
            var s = funnel.get(i);
            Double toNext = i + 1 < funnel.size() && reachedAtLeast[i] > 0 ? (double) reachedAtLeast[i + 1] / reachedAtLeast[i] : null;
            Double days = stageVisits.containsKey(s.id()) ? stageDays.get(s.id()) / stageVisits.get(s.id()) : null;
            rows.add(new PipelineReport.FunnelStage(s.id(), s.name(), s.kind(), reachedAtLeast[i], current[i], currentValue[i], toNext, days));
        }
        double winRate = won + lost == 0 ? 0 : (double) won / (won + lost);
        double averageDealSize = won == 0 ? 0 : wonValue / won;
        double averageCycle = won == 0 ? 0 : cycleDays / won;
        double dealValue = won > 0 ? averageDealSize : open == 0 ? 0 : openValue / open;
        double velocity = averageCycle <= 0 ? 0 : open * dealValue * winRate / averageCycle;
        Double gap = query.target() == null ? null : query.target() - wonValue;
        Double funnelFactor = gap == null || gap <= 0 ? null : rtv / gap;
        return new PipelineReport(pipeline.id(), query.ownerId(), currency(deals), rows, won, lost, winRate, averageDealSize,
                averageCycle, open, openValue, velocity, forecast, rtv, wonValue, gap, funnelFactor);
    }

    /** The currency most deals are in (the first by name on a tie), or null without deals. */
    private static String currency(List<Deal> deals) {
        var counts = new TreeMap<String, Integer>();
        for (var d : deals) if (d.currency() != null) counts.merge(d.currency(), 1, Integer::sum);
        String best = null;
        for (var e : counts.entrySet()) if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
        return best;
    }

    /** The funnel: open stages in pipeline order, then the first won stage. */
    static List<Stage> funnel(Pipeline pipeline) {
        var out = new ArrayList<Stage>();
        for (var s : pipeline.stages()) if (s.kind() == StageKind.OPEN) out.add(s);
        pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().ifPresent(out::add);
        return out;
    }

    /** Position in the funnel; any won stage is the last one; lost and parked are no progress (-1). */
    private static int funnelPosition(Pipeline pipeline, List<Stage> funnel, String stageId) {
        var stage = pipeline.stage(stageId).orElse(null);
        if (stage == null) return -1;
        if (stage.kind() == StageKind.WON) return funnel.size() - 1;
        for (int i = 0; i < funnel.size(); i++) if (funnel.get(i).id().equals(stageId)) return i;
        return -1;
    }

    /** One stay of a deal in a stage. */
    record Visit(String stageId, Instant enteredAt, double days) {
    }

    /**
     * The stages the deal went through, oldest first, from its applied history (the first stay from its creation).
     * A first change without a from-stage records the creation itself: the deal's first stay starts with it.
     */
    static List<Visit> visits(Deal deal, List<StageChange> changes, Instant asOf) {
        var applied = changes.stream()
                .filter(c -> c.status() == StageChange.Status.APPLIED && c.mode() != ChangeMode.SUGGESTED && c.at() != null)
                .sorted(Comparator.comparing(StageChange::at))
                .toList();
        var out = new ArrayList<Visit>();
        String stage = applied.isEmpty() ? deal.stageId() : applied.getFirst().fromStage();
        Instant entered = deal.createdAt();
        for (var c : applied) {
            if (stage != null) out.add(new Visit(stage, entered, days(entered, c.at())));
            stage = c.toStage();
            entered = c.at();
        }
        out.add(new Visit(stage, entered, days(entered, asOf)));
        return out;
    }

    private static double days(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) return 0;
        return Duration.between(from, to).getSeconds() / DAY_SECONDS;
    }
}

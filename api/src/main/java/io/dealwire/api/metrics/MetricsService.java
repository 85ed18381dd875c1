package io.dealwire.api.metrics;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.scope.Scope;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Funnel and pipeline metrics of the domain brief, over the deals the viewer may see. The core has no metrics
 * module yet; when it gets one, this class should hand the computation to it and keep only the filtering.
 * Blocking.
 */
public final class MetricsService {
    /** Stages that mean "commits to invest": RTV counts open deals from the first of these on. */
    private static final Set<String> VIABLE_FROM = Set.of("qualified", "commits-to-invest");
    private static final double DAY_SECONDS = 86_400;

    private final Store store;
    private final Clock clock;

    public MetricsService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param from first day of the period (UTC), or null; {@code to} last day, or null; {@code target} the sales target or null */
    public MetricsView compute(Scope scope, String pipelineId, String ownerId, LocalDate from, LocalDate to, Double target) {
        var pipeline = store.pipelines().find(pipelineId).orElseThrow(() -> ApiException.notFound("no pipeline " + pipelineId));
        var start = from == null ? Instant.MIN : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to == null ? Instant.MAX : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var deals = store.deals().list(0, Integer.MAX_VALUE).stream()
                .filter(d -> d.pipelineId().equals(pipeline.id()))
                .filter(d -> ownerId == null || ownerId.equals(d.ownerId()))
                .filter(scope::deal)
                .toList();
        Function<Deal, StageKind> kind = d -> pipeline.stage(d.stageId()).map(Stage::kind).orElse(StageKind.OPEN);

        var open = deals.stream().filter(d -> kind.apply(d) == StageKind.OPEN).toList();
        var closedInPeriod = deals.stream().filter(d -> kind.apply(d) == StageKind.WON || kind.apply(d) == StageKind.LOST)
                .filter(d -> within(closedAt(d), start, end)).toList();
        var won = closedInPeriod.stream().filter(d -> kind.apply(d) == StageKind.WON).toList();
        int lost = closedInPeriod.size() - won.size();

        Double winRate = closedInPeriod.isEmpty() ? null : (double) won.size() / closedInPeriod.size();
        Double averageWon = won.isEmpty() ? null : won.stream().mapToDouble(Deal::value).average().orElse(0);
        Double cycle = won.isEmpty() ? null : won.stream()
                .mapToDouble(d -> Math.max(0, Duration.between(d.createdAt(), closedAt(d)).toSeconds() / DAY_SECONDS)).average().orElse(0);
        // A cycle shorter than a day counts as one day: velocity is a rate per day, not per second.
        Double velocity = winRate == null || averageWon == null || cycle == null ? null
                : open.size() * averageWon * winRate / Math.max(1, cycle);
        double forecast = open.stream().mapToDouble(d -> d.value() * pipeline.stage(d.stageId()).map(Stage::probability).orElse(0.0)).sum();
        int viableFrom = viableFrom(pipeline);
        double rtv = open.stream().filter(d -> pipeline.indexOf(d.stageId()) >= viableFrom).mapToDouble(Deal::value).sum();
        double sales = won.stream().mapToDouble(Deal::value).sum();
        Double gap = target == null ? null : target - sales;
        Double factor = gap == null || gap <= 0 ? null : rtv / gap;

        // The funnel counts deals created in the period, by the furthest stage each reached.
        var cohort = deals.stream().filter(d -> within(d.createdAt(), start, end)).toList();
        var histories = cohort.stream().collect(Collectors.toMap(Deal::id, d -> store.deals().changes(d.id())));
        var funnel = funnel(pipeline, cohort, histories, deals);
        return new MetricsView(pipeline.id(), currency(deals), from, to, target, open.size(), won.size(), lost, winRate, averageWon,
                cycle, velocity, forecast, rtv, sales, gap, factor, funnel);
    }

    private List<MetricsView.StageFunnel> funnel(Pipeline pipeline, List<Deal> cohort, Map<String, List<StageChange>> histories, List<Deal> all) {
        var stages = pipeline.stages().stream().filter(s -> s.kind() == StageKind.OPEN || s.kind() == StageKind.WON).toList();
        var furthest = new HashMap<String, Integer>();
        var daysIn = new HashMap<String, List<Double>>();
        var now = clock.instant();
        for (var d : cohort) {
            var applied = histories.get(d.id()).stream().filter(c -> c.status() == StageChange.Status.APPLIED && c.at() != null)
                    .sorted(Comparator.comparing(StageChange::at)).toList();
            int max = stages.indexOf(pipeline.stage(d.stageId()).orElse(null));
            for (int i = 0; i < applied.size(); i++) {
                var c = applied.get(i);
                max = Math.max(max, stages.indexOf(pipeline.stage(c.toStage()).orElse(null)));
                var left = i + 1 < applied.size() ? applied.get(i + 1).at() : now;
                daysIn.computeIfAbsent(c.toStage(), k -> new ArrayList<>()).add(Duration.between(c.at(), left).toSeconds() / DAY_SECONDS);
            }
            furthest.put(d.id(), max);
        }
        var out = new ArrayList<MetricsView.StageFunnel>();
        for (int i = 0; i < stages.size(); i++) {
            var s = stages.get(i);
            int index = i;
            int reached = (int) furthest.values().stream().filter(m -> m >= index).count();
            int next = i + 1 < stages.size() ? (int) furthest.values().stream().filter(m -> m >= index + 1).count() : -1;
            var here = all.stream().filter(d -> d.stageId().equals(s.id())).toList();
            var days = daysIn.getOrDefault(s.id(), List.of());
            out.add(new MetricsView.StageFunnel(s.id(), s.name(), s.kind().name().toLowerCase(java.util.Locale.ROOT), reached, here.size(),
                    here.stream().mapToDouble(Deal::value).sum(), next < 0 || reached == 0 ? null : (double) next / reached,
                    days.isEmpty() ? null : days.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        }
        return out;
    }

    /** Position of the first stage that counts as viable revenue; past every stage when the pipeline has none. */
    private static int viableFrom(Pipeline pipeline) {
        for (int i = 0; i < pipeline.stages().size(); i++) if (VIABLE_FROM.contains(pipeline.stages().get(i).id())) return i;
        for (int i = 0; i < pipeline.stages().size(); i++) {
            var s = pipeline.stages().get(i);
            if (s.isOpen() && s.probability() >= 0.25) return i;
        }
        return pipeline.stages().size();
    }

    private static Instant closedAt(Deal d) {
        return d.stageChangedAt() != null ? d.stageChangedAt() : d.createdAt();
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    private static String currency(List<Deal> deals) {
        return deals.stream().collect(Collectors.groupingBy(Deal::currency, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("EUR");
    }
}

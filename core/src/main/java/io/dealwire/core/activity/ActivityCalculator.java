package io.dealwire.core.activity;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.pipeline.Stage;
import io.dealwire.core.pipeline.StageKind;
import io.dealwire.core.store.Store;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reply state and inactivity of a deal, from its mail (see {@code ../shared/docs/stage-fixtures.md}): only
 * non-automated messages between us and the customer count; internal mail and machines do not. Lost and
 * parked (fridge) deals are never inactive, nor are stages without a threshold (won).
 */
public final class ActivityCalculator {

    private ActivityCalculator() {
    }

    /** The deal's activity at {@code asOf}, reading its messages and pipeline from the store. */
    public static DealActivity of(Store store, Deal deal, Instant asOf) {
        var pipeline = store.pipelines().find(deal.pipelineId()).orElseGet(PipelineTemplates::defaultPipeline);
        return compute(deal, pipeline, store.messages().findByDeal(deal.id()), asOf);
    }

    public static DealActivity compute(Deal deal, Pipeline pipeline, List<StoredMessage> messages, Instant asOf) {
        StoredMessage latest = null;
        for (var m : messages) {
            if (!counts(m)) continue;
            if (latest == null || !m.mail().date().isBefore(latest.mail().date())) latest = m;
        }
        var stage = pipeline.stage(deal.stageId()).orElse(null);
        if (latest == null) return DealActivity.NONE;
        Instant last = latest.mail().date();
        boolean businessDays = stage != null && stage.businessDays();
        long days = businessDays ? businessDaysBetween(last, asOf) : Math.max(0, ChronoUnit.DAYS.between(last, asOf));
        return new DealActivity(latest.direction() == Direction.INBOUND, latest.direction() == Direction.OUTBOUND, last, days,
                inactive(stage, last, asOf));
    }

    /** A message between us and the customer, written by a person, with a date. */
    static boolean counts(StoredMessage m) {
        return m.mail().date() != null && !m.mail().isAutomated()
                && (m.direction() == Direction.INBOUND || m.direction() == Direction.OUTBOUND);
    }

    /** The time since the last message exceeds the stage's threshold (strictly more than N days). */
    static boolean inactive(Stage stage, Instant last, Instant asOf) {
        if (stage == null || stage.inactivityDays() <= 0) return false;
        if (stage.kind() == StageKind.LOST || stage.kind() == StageKind.PARKED) return false;
        if (stage.businessDays()) return businessDaysBetween(last, asOf) > stage.inactivityDays();
        return Duration.between(last, asOf).compareTo(Duration.ofDays(stage.inactivityDays())) > 0;
    }

    /** Monday-to-Friday days after {@code from}'s date up to and including {@code to}'s date (UTC). */
    static long businessDaysBetween(Instant from, Instant to) {
        LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
        if (!end.isAfter(start)) return 0;
        long total = ChronoUnit.DAYS.between(start, end);
        long weeks = total / 7;
        long count = weeks * 5;
        LocalDate d = start.plusDays(weeks * 7);
        while (d.isBefore(end)) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) count++;
        }
        return count;
    }
}

package io.dealwire.core.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Which deals a report covers and against what.
 *
 * @param pipelineId the pipeline (metrics never mix pipelines: their stages differ)
 * @param ownerId    one owner's deals, or null for everybody's
 * @param from       start of the period (inclusive), or null for the beginning: deals won or lost in the period
 *                   make the win rate, cycle length and sales to date
 * @param to         end of the period (exclusive), or null for {@code asOf}
 * @param asOf       the moment the open pipeline is looked at
 * @param target     the sales target of the period, or null when none is set (no GAP, no funnel factor)
 */
public record MetricsQuery(String pipelineId, String ownerId, Instant from, Instant to, Instant asOf, Double target) {
    public MetricsQuery {
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(asOf, "asOf");
        to = to == null ? asOf : to;
        if (from != null && from.isAfter(to)) throw new IllegalArgumentException("the period starts after it ends: " + from + " > " + to);
    }

    public MetricsQuery forOwner(String owner) {
        return new MetricsQuery(pipelineId, owner, from, to, asOf, target);
    }

    boolean inPeriod(Instant at) {
        return at != null && (from == null || !at.isBefore(from)) && at.isBefore(to);
    }
}

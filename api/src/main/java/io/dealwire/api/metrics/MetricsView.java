package io.dealwire.api.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * The manager's numbers for one pipeline, owner and period. Ratios are 0..1; null when there is nothing to
 * compute them from (no closed deal, no target…).
 *
 * @param winRate          won ÷ (won + lost) among deals closed in the period
 * @param cycleLengthDays  average days from creation to a win
 * @param velocityPerDay   (open deals × average won value × win rate) ÷ cycle length
 * @param rtv              total viable revenue: open deals at or past qualification
 * @param gap              target − sales to date
 * @param funnelFactor     RTV ÷ GAP
 * @param forecast         Σ open value × stage probability
 */
public record MetricsView(String pipelineId, String currency, LocalDate from, LocalDate to, Double target,
                          int openDeals, int wonDeals, int lostDeals, Double winRate, Double averageDealValue,
                          Double cycleLengthDays, Double velocityPerDay, double forecast, double rtv, double salesToDate,
                          Double gap, Double funnelFactor, List<StageFunnel> funnel) {

    /**
     * @param reached          deals that reached this stage or a later one
     * @param current          deals at this stage now
     * @param value            value of the deals at this stage now
     * @param conversionToNext reached(next) ÷ reached(this)
     */
    public record StageFunnel(String stageId, String name, String kind, int reached, int current, double value,
                              Double conversionToNext, Double averageDaysInStage) {
    }
}

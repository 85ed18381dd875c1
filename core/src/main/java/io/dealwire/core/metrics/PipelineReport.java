package io.dealwire.core.metrics;

import io.dealwire.core.pipeline.StageKind;

import java.util.List;

/**
 * The numbers managers ask for, for one pipeline (and owner, and period).
 *
 * @param currency        the currency most of the deals are in (values are summed as they are), or null without deals
 * @param funnel          one row per funnel stage: open stages in pipeline order, then the first won stage
 * @param won             deals won in the period
 * @param lost            deals lost in the period
 * @param winRate         won ÷ (won + lost) in the period; 0 when none closed
 * @param averageDealSize mean value of the deals won in the period; 0 when none
 * @param averageCycleDays mean days from creation to the win, for deals won in the period; 0 when none
 * @param openDeals       deals in an open stage at asOf
 * @param openValue       their total value
 * @param velocity        (open deals × average deal value × win rate) ÷ average cycle days: expected revenue per
 *                        day; the average deal value is that of won deals, or of open deals before any win
 * @param forecast        Σ value × stage probability over open deals
 * @param rtv             total viable revenue: value of open deals at or past qualification
 * @param salesToDate     value of deals won in the period
 * @param gap             target − sales to date, or null without a target
 * @param funnelFactor    RTV ÷ GAP, or null without a target or once it is reached (GAP ≤ 0)
 */
public record PipelineReport(
        String pipelineId,
        String ownerId,
        String currency,
        List<FunnelStage> funnel,
        int won,
        int lost,
        double winRate,
        double averageDealSize,
        double averageCycleDays,
        int openDeals,
        double openValue,
        double velocity,
        double forecast,
        double rtv,
        double salesToDate,
        Double gap,
        Double funnelFactor) {

    public PipelineReport {
        funnel = List.copyOf(funnel);
    }

    /**
     * One stage of the funnel. Reaching counts every deal, whatever the period: a deal reached a stage when its
     * furthest stage is this one or a later one (jumps forward pass the stages between).
     *
     * @param reached            deals that reached this stage or a later one
     * @param current            deals at this stage at asOf
     * @param value              total value of those deals
     * @param conversionToNext   reached(next) ÷ reached(this); null for the last stage or when no deal reached this one
     * @param averageDaysInStage mean days per stay in this stage (stays still going count up to asOf); null when
     *                           no deal stayed here
     */
    public record FunnelStage(String stageId, String name, StageKind kind, int reached, int current, double value,
                              Double conversionToNext, Double averageDaysInStage) {
    }
}

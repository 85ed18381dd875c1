package io.dealwire.core.metrics;

import java.util.List;
import java.util.Map;

/**
 * The numbers managers ask for, for one pipeline (and owner, and period).
 *
 * @param conversions     from each funnel stage to the next (open stages in order, then won)
 * @param won             deals won in the period
 * @param lost            deals lost in the period
 * @param winRate         won ÷ (won + lost) in the period; 0 when none closed
 * @param averageDealSize mean value of the deals won in the period; 0 when none
 * @param averageCycleDays mean days from creation to the win, for deals won in the period; 0 when none
 * @param daysInStage     mean days spent per visit of each stage (visits still going count up to asOf)
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
        List<Conversion> conversions,
        int won,
        int lost,
        double winRate,
        double averageDealSize,
        double averageCycleDays,
        Map<String, Double> daysInStage,
        int openDeals,
        double openValue,
        double velocity,
        double forecast,
        double rtv,
        double salesToDate,
        Double gap,
        Double funnelFactor) {

    /** Of the deals that reached {@code from}, how many went on to {@code to} or beyond. */
    public record Conversion(String from, String to, int reached, int advanced) {
        public double rate() {
            return reached == 0 ? 0 : (double) advanced / reached;
        }
    }
}

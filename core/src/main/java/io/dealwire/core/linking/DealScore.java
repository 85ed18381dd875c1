package io.dealwire.core.linking;

import io.dealwire.core.deal.Deal;

/**
 * How well a message fits a deal, each part in [0,1].
 *
 * @param participants share of the message's external people who already wrote or were written to on the deal
 * @param subject      overlap of the subject's content words with the deal's subjects and title
 * @param wording      share of the message's content words found in the deal's earlier mail
 * @param recency      1 for a deal active the same day, decaying with a 30-day time constant
 * @param sharedReference the message quotes a reference (quote or order number) found in the deal's earlier mail
 */
public record DealScore(Deal deal, double participants, double subject, double wording, double recency, boolean sharedReference) {
    static final double PARTICIPANTS = 0.35, SUBJECT = 0.30, WORDING = 0.20, RECENCY = 0.15;

    public double total() {
        return PARTICIPANTS * participants + SUBJECT * (sharedReference ? 1 : subject) + WORDING * wording + RECENCY * recency;
    }

    /** What the deal is about, as far as this message is concerned: its subject, else its wording; a shared quote number settles it. */
    public double topic() {
        return sharedReference ? 1 : Math.max(subject, wording);
    }
}

package io.dealwire.core.inference;

/**
 * One thing a message says about its deal's stage.
 *
 * @param rule       the rule that fired (stable name, shown as evidence)
 * @param quote      the sentence of the message's own text (or the attachment or invite) it fired on
 * @param confidence 0..1
 * @param condition  what must also be true of the deal for the signal to count
 */
public record Signal(Milestone milestone, String rule, String quote, double confidence, Condition condition) {

    public enum Condition {
        /** Counts whatever the deal's history. */
        NONE,
        /** Counts only once both sides have written: a stated need in a first inquiry is not yet qualification. */
        EXCHANGE,
        /** Counts only when the deal is at proposal or later (an invoice after acceptance). */
        AFTER_PROPOSAL,
        /** Re-engagement: counts only for a deal in the fridge or lost. */
        REOPEN
    }
}

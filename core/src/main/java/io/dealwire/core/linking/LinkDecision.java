package io.dealwire.core.linking;

import io.dealwire.core.message.LinkSource;

/**
 * What the linker decided for one message.
 *
 * @param dealId      the deal to link to, or null (no link, or {@link #createDeal} set)
 * @param createDeal  no open deal fits and the mail warrants one: a new deal is to be created
 * @param source      AUTO, or PERSON when a person's pin decided
 * @param confidence  0..1
 * @param needsReview linked below the confidence threshold: a person should check it
 * @param reason      which rule decided, for logs and the review list
 */
public record LinkDecision(String dealId, boolean createDeal, LinkSource source, double confidence, boolean needsReview, String reason) {

    public static LinkDecision none(String reason) {
        return new LinkDecision(null, false, null, 0, false, reason);
    }

    public static LinkDecision create(String reason) {
        return new LinkDecision(null, true, LinkSource.AUTO, 1, false, reason);
    }

    public boolean linked() {
        return dealId != null;
    }
}

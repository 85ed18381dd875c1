package io.dealwire.core.activity;

import java.time.Instant;

/**
 * Where a deal's conversation stands at a moment.
 *
 * @param needsReply    the latest non-automated customer-facing message is theirs, none of ours follows
 * @param awaitingReply the latest non-automated customer-facing message is ours, none of theirs follows
 * @param lastActivity  that latest message's date, or null when the deal has no such message
 * @param daysSince     whole days (business days when the stage counts those) from it to the moment; -1 without activity
 * @param inactive      the time since exceeds the inactivity threshold of the deal's stage
 */
public record DealActivity(boolean needsReply, boolean awaitingReply, Instant lastActivity, long daysSince, boolean inactive) {

    public static final DealActivity NONE = new DealActivity(false, false, null, -1, false);
}

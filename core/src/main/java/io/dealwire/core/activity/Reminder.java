package io.dealwire.core.activity;

import java.time.Instant;

/** Something a deal's owner should act on, and since when. */
public record Reminder(Kind kind, String dealId, String dealTitle, String ownerId, Instant since, long days) {

    public enum Kind {
        /** The customer wrote last and we have not answered. */
        NEEDS_REPLY,
        /** We wrote last and the customer has not answered for longer than the follow-up delay. */
        FOLLOW_UP_DUE,
        /** No mail either way for longer than the stage allows. */
        INACTIVE
    }
}

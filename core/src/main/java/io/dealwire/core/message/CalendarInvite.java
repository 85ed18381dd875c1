package io.dealwire.core.message;

import java.time.Instant;

/** A text/calendar part: iTIP method (REQUEST, CANCEL, REPLY…), event start (may be null) and summary. */
public record CalendarInvite(String method, Instant start, String summary) {
}

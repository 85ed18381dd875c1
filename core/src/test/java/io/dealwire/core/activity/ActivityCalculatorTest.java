package io.dealwire.core.activity;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.inference.Mails;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.PipelineTemplates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.dealwire.core.message.Direction.INBOUND;
import static io.dealwire.core.message.Direction.INTERNAL;
import static io.dealwire.core.message.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityCalculatorTest {
    private static final Instant AS_OF = Instant.parse("2025-03-20T09:00:00Z");

    private static Deal deal(String stage) {
        return new Deal("d1", "t", "default", stage, "c1", null, "u1", 0, "EUR", null, null, false);
    }

    private static DealActivity activity(String stage, List<StoredMessage> messages) {
        return ActivityCalculator.compute(deal(stage), PipelineTemplates.defaultPipeline(), messages, AS_OF);
    }

    @Test
    void theirLastMessageNeedsAReply() {
        var a = activity("qualified", List.of(
                Mails.message("1", OUTBOUND, "2025-03-10T09:00:00Z", "Hello"),
                Mails.message("2", INBOUND, "2025-03-18T09:00:00Z", "Thanks")));
        assertTrue(a.needsReply());
        assertFalse(a.awaitingReply());
        assertEquals(Instant.parse("2025-03-18T09:00:00Z"), a.lastActivity());
        assertEquals(2, a.daysSince());
        assertFalse(a.inactive());
    }

    @Test
    void internalAndAutomatedMailDoNotCount() {
        var a = activity("proposal", List.of(
                Mails.message("1", OUTBOUND, "2025-03-01T09:00:00Z", "Here is the quote"),
                Mails.message("2", INBOUND, "2025-03-02T09:00:00Z", "Out of office", List.of(), null, "auto-reply"),
                Mails.message("3", INTERNAL, "2025-03-19T09:00:00Z", "Any news from Acme?")));
        assertTrue(a.awaitingReply());
        assertFalse(a.needsReply());
        assertEquals(19, a.daysSince());
        assertTrue(a.inactive(), "19 days > 14 for an open stage");
    }

    @Test
    void inactiveOnlyWhenStrictlyPastTheThreshold() {
        var exactly14 = List.of(Mails.message("1", OUTBOUND, "2025-03-06T09:00:00Z", "Hi"));
        assertFalse(activity("contacted", exactly14).inactive());
        var justOver = List.of(Mails.message("1", OUTBOUND, "2025-03-06T08:59:00Z", "Hi"));
        assertTrue(activity("contacted", justOver).inactive());
    }

    @Test
    void wonLostAndFridgeAreNeverInactive() {
        var old = List.of(Mails.message("1", INBOUND, "2024-12-01T09:00:00Z", "Signed"));
        assertFalse(activity("won", old).inactive());
        assertFalse(activity("lost", old).inactive());
        assertFalse(activity("fridge", old).inactive());
        assertTrue(activity("proposal", old).inactive());
    }

    @Test
    void noCustomerMailMeansNoActivity() {
        var a = activity("prospect", List.of(Mails.message("1", INTERNAL, "2025-03-01T09:00:00Z", "New lead")));
        assertNull(a.lastActivity());
        assertFalse(a.needsReply() || a.awaitingReply() || a.inactive());
    }

    @Test
    void businessDaysSkipWeekends() {
        // Friday 2025-03-07 to Friday 2025-03-21: 10 business days, 14 calendar days.
        assertEquals(10, ActivityCalculator.businessDaysBetween(Instant.parse("2025-03-07T10:00:00Z"), Instant.parse("2025-03-21T10:00:00Z")));
        assertEquals(1, ActivityCalculator.businessDaysBetween(Instant.parse("2025-03-07T10:00:00Z"), Instant.parse("2025-03-10T10:00:00Z")));
        var p = PipelineTemplates.inBusinessDays(PipelineTemplates.defaultPipeline());
        var messages = List.of(Mails.message("1", OUTBOUND, "2025-03-03T09:00:00Z", "Hi"));
        // 2025-03-03 (Mon) to 2025-03-20 (Thu): 13 business days, 17 calendar days.
        var a = ActivityCalculator.compute(deal("contacted"), p, messages, AS_OF);
        assertEquals(13, a.daysSince());
        assertFalse(a.inactive());
        assertTrue(activity("contacted", messages).inactive());
    }
}

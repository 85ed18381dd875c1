package io.dealwire.core.activity;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.inference.Mails;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.dealwire.core.message.Direction.INBOUND;
import static io.dealwire.core.message.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RemindersTest {

    @Test
    void listsEachOwnersRemindersByKind() {
        var store = new InMemoryStore();
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        store.deals().save(new Deal("a", "Acme", "default", "qualified", "c1", null, "alice", 0, "EUR", null, null, false));
        store.deals().save(new Deal("b", "Beta", "default", "proposal", "c2", null, "alice", 0, "EUR", null, null, false));
        store.deals().save(new Deal("c", "Gamma", "default", "proposal", "c3", null, "bob", 0, "EUR", null, null, false));
        store.messages().save(Mails.message("1", INBOUND, "2025-03-19T09:00:00Z", "Question?").with(b -> b.dealId = "a"));
        store.messages().save(Mails.message("2", OUTBOUND, "2025-03-01T09:00:00Z", "Quote attached").with(b -> b.dealId = "b"));
        store.messages().save(Mails.message("3", OUTBOUND, "2025-03-19T09:00:00Z", "Quote attached").with(b -> b.dealId = "c"));

        var reminders = new Reminders(store, Duration.ofDays(3));
        var alice = reminders.forOwner("alice", Instant.parse("2025-03-20T09:00:00Z"));
        assertEquals(3, alice.size(), alice::toString);
        assertEquals(Reminder.Kind.NEEDS_REPLY, alice.get(0).kind());
        assertEquals("a", alice.get(0).dealId());
        assertEquals(Reminder.Kind.FOLLOW_UP_DUE, alice.get(1).kind());
        assertEquals("b", alice.get(1).dealId());
        assertEquals(Reminder.Kind.INACTIVE, alice.get(2).kind());
        assertEquals(19, alice.get(2).days());
        // Bob's quote went out yesterday: nothing due yet.
        assertEquals(0, reminders.forOwner("bob", Instant.parse("2025-03-20T09:00:00Z")).size());
    }
}

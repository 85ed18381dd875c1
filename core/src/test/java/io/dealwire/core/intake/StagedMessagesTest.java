package io.dealwire.core.intake;

import io.dealwire.core.message.InMemoryMessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The batch view answers a deal's bounded lookups as if its held-back saves had been written. */
class StagedMessagesTest {
    private static final Instant DAY0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aDealsWindowAndLatestMessagesCountTheHeldBackSaves() {
        var stored = new InMemoryMessageRepository();
        var reference = new InMemoryMessageRepository();
        for (int i = 0; i < 8; i++) {
            var m = message("m" + i, i, "d");
            stored.save(m);
            reference.save(m);
        }
        var staged = new StagedMessages(stored);
        staged.begin();
        // the newest leave the deal or move back in time, one joins, one is new: the stored answer alone is wrong
        for (var m : List.of(message("m7", 7, "other"), message("m6", 6, "other"), message("m5", -3, "d"),
                message("m9", 9, "d"), message("x1", 3, "other"))) {
            staged.save(m);
            reference.save(m);
        }
        for (int limit = 0; limit <= 10; limit++) {
            assertEquals(ids(reference.latestByDeal("d", limit)), ids(staged.latestByDeal("d", limit)), "latest " + limit);
        }
        for (int from = -4; from <= 10; from += 2) {
            var a = DAY0.plus(Duration.ofDays(from));
            var b = a.plus(Duration.ofDays(3));
            assertEquals(ids(reference.findByDealBetween("d", a, b)), ids(staged.findByDealBetween("d", a, b)), "from day " + from);
        }
        assertEquals(List.of("m3", "m4", "m9"), ids(staged.latestByDeal("d", 3)));
        staged.flush();
        assertEquals(ids(reference.latestByDeal("d", 4)), ids(stored.latestByDeal("d", 4)));
    }

    private static StoredMessage message(String id, int day, String deal) {
        return StoredMessage.of(StoreContract.mail(id, id + "@x", "S " + id, DAY0.plus(Duration.ofDays(day)))).with(b -> b.dealId = deal);
    }

    private static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }
}

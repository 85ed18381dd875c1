package io.dealwire.index.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshScheduleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final RefreshSchedule schedule = new RefreshSchedule(Duration.ofMillis(500), Duration.ofSeconds(2), 250,
            Duration.ofSeconds(5), 2500, now::get);

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void nothingIndexedNothingDue() {
        assertFalse(schedule.pending());
        assertFalse(schedule.due(0));
        assertEquals(Long.MAX_VALUE, schedule.nanosUntilDue());
    }

    @Test
    void theFirstMessageIsDueAtOnceAndTheNextWithinHalfASecond() {
        schedule.indexed(1);
        assertTrue(schedule.due(0));
        assertEquals(0, schedule.nanosUntilDue());
        schedule.refreshed();

        advance(100);
        schedule.indexed(1);
        assertFalse(schedule.due(0), "refreshed 100 ms ago");
        assertEquals(Duration.ofMillis(400).toNanos(), schedule.nanosUntilDue());
        advance(400);
        assertTrue(schedule.due(0));
        assertEquals(0, schedule.nanosUntilDue());
    }

    @Test
    void aStreamOfMessagesIsRefreshedEveryTwoSeconds() {
        schedule.indexed(10);
        schedule.refreshed();
        advance(600);
        schedule.indexed(300);
        assertFalse(schedule.due(0), "300 waiting: a stream");
        assertEquals(Duration.ofMillis(1400).toNanos(), schedule.nanosUntilDue());
        advance(1400);
        assertTrue(schedule.due(0));
    }

    @Test
    void farBehindTheStoreRefreshesEveryFiveSeconds() {
        schedule.indexed(100);
        schedule.refreshed();
        advance(600);
        schedule.indexed(100);
        assertFalse(schedule.due(10_000), "far behind: not yet");
        assertTrue(schedule.due(100), "close behind, few waiting: half a second is enough");
        advance(4400);
        assertTrue(schedule.due(10_000));
    }
}

package io.dealwire.api.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code /api/health} says what is degraded while it is: the store waiting for disk space, the index writer failing. */
class HealthRoutesTest {
    private static final Map<String, Object> READY_INDEX = Map.of("state", "ready", "documents", 10L);

    @Test
    void everythingWorkingIsOk() {
        var health = new HealthRoutes(() -> Map.of("index", READY_INDEX), () -> Map.of("state", "ok"), null).gather();
        assertEquals("ok", health.get("status"));
        assertFalse(health.containsKey("degraded"));
        assertEquals(READY_INDEX, health.get("index"));
        assertEquals(Map.of("state", "ok"), health.get("store"));
    }

    @Test
    void aStoreClosedAfterAFailedWriteAndAFailingIndexAreListed() {
        var store = Map.<String, Object>of("state", "unavailable", "problem", "embedded store closed after a failed write (No space left on device)");
        var index = Map.<String, Object>of("state", "ready", "problem", "the index writer closed after a failure");
        var health = new HealthRoutes(() -> Map.of("index", index, "mailboxes", List.of()), () -> store, null).gather();
        assertEquals("degraded", health.get("status"));
        assertEquals(List.of("store: embedded store closed after a failed write (No space left on device)",
                "index: the index writer closed after a failure"), health.get("degraded"));
        assertEquals(store, health.get("store"));
    }

    @Test
    void partsThatCannotBeReadWhileTheStoreIsDownDoNotStopTheAnswer() {
        var store = Map.<String, Object>of("state", "unavailable", "problem", "closed after a failed write");
        var health = new HealthRoutes(() -> {
            throw new IllegalStateException("embedded store is unavailable");
        }, () -> store, null).gather();
        assertEquals("degraded", health.get("status"));
        assertEquals(List.of("store: closed after a failed write", "service: embedded store is unavailable"), health.get("degraded"));
    }
}

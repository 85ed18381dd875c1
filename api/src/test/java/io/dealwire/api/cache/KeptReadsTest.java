package io.dealwire.api.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class KeptReadsTest {
    private final KeptReads<String, String> kept = new KeptReads<>(Duration.ofHours(1));
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String value) {
        reads.incrementAndGet();
        return value;
    }

    @Test
    void aValueIsReadOnceUntilAWrite() {
        assertEquals("a", kept.get("k", () -> read("a")));
        assertEquals("a", kept.get("k", () -> read("b")));
        assertEquals(1, reads.get());

        kept.changed(() -> { });

        assertEquals(Optional.empty(), kept.peek("k"));
        assertEquals("b", kept.get("k", () -> read("b")));
    }

    @Test
    void aReadOverlappingAWriteIsNotServedAfterIt() {
        // the write happens while the value is being read: what the read saw may predate it
        assertEquals("old", kept.get("k", () -> {
            kept.changed(() -> { });
            return read("old");
        }));
        assertEquals(Optional.empty(), kept.peek("k"));
        assertEquals("new", kept.get("k", () -> read("new")));
    }

    @Test
    void aValueRefusedByTheFilterIsNotKept() {
        assertEquals("", kept.get("k", () -> read(""), v -> !v.isEmpty()));
        assertEquals("", kept.get("k", () -> read(""), v -> !v.isEmpty()));
        assertEquals(2, reads.get());
    }

    @Test
    void nothingIsKeptPastItsMaxAge() {
        var none = new KeptReads<String, String>(Duration.ZERO);
        none.get("k", () -> read("a"));
        assertEquals(Optional.empty(), none.peek("k"));
        none.get("k", () -> read("a"));
        assertEquals(2, reads.get());
    }
}

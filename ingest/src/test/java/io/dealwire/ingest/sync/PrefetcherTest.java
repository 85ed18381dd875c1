package io.dealwire.ingest.sync;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefetcherTest {

    @Test
    void itemsArriveInOrderAndTheProducerStaysOneAhead() throws Exception {
        var taken = new AtomicInteger();
        var tooFarAhead = new CopyOnWriteArrayList<Integer>();
        var out = new ArrayList<Integer>();
        try (var prefetch = new Prefetcher<Integer>("test", 20, i -> {
            // item i may be produced while item i-1 is with the caller, never earlier
            if (i > taken.get() + 1) tooFarAhead.add(i);
            return i * 10;
        }, () -> false, Thread.ofVirtual().factory())) {
            Integer item;
            while ((item = prefetch.next()) != null) {
                taken.incrementAndGet();
                out.add(item);
            }
            assertEquals(20, prefetch.delivered());
        }
        assertEquals(java.util.stream.IntStream.range(0, 20).map(i -> i * 10).boxed().toList(), out);
        assertEquals(List.of(), tooFarAhead, "items produced more than one ahead of the caller");
    }

    @Test
    void aFailureArrivesAfterEveryItemProducedBeforeIt() throws Exception {
        var cut = new MessagingException("connection cut");
        try (var prefetch = new Prefetcher<String>("test", 5, i -> {
            if (i == 2) throw cut;
            return "batch " + i;
        }, () -> false, Thread.ofVirtual().factory())) {
            assertEquals("batch 0", prefetch.next());
            assertEquals("batch 1", prefetch.next());
            var thrown = assertThrows(MessagingException.class, prefetch::next);
            assertSame(cut, thrown);
            assertNull(prefetch.next(), "nothing after the failure");
            assertEquals(2, prefetch.delivered());
        }
    }

    @Test
    void aRuntimeFailureKeepsItsType() throws Exception {
        try (var prefetch = new Prefetcher<String>("test", 3, i -> {
            throw new IllegalStateException("parser bug");
        }, () -> false, Thread.ofVirtual().factory())) {
            assertThrows(IllegalStateException.class, prefetch::next);
        }
    }

    @Test
    void closingEarlyEndsTheProducerBeforeReturning() throws Exception {
        var produced = new AtomicInteger();
        var prefetch = new Prefetcher<Integer>("test", 1_000, i -> {
            produced.incrementAndGet();
            return i;
        }, () -> false, Thread.ofVirtual().factory());
        assertEquals(0, prefetch.next());
        prefetch.close();
        int afterClose = produced.get();
        assertTrue(afterClose <= 2, "produced " + afterClose + " items for a caller that took one");
        // the producer has ended: nothing more is produced, whatever the caller does now
        assertNull(prefetch.next(), "no item after close");
        assertEquals(afterClose, produced.get());
    }

    @Test
    void aStopEndsTheProducerAfterTheItemInHand() throws Exception {
        var stopped = new AtomicBoolean();
        var firstTaken = new CountDownLatch(1);
        try (var prefetch = new Prefetcher<Integer>("test", 1_000, i -> {
            if (i == 1) {
                stopped.set(true); // the sync was stopped while item 1 was being fetched
                firstTaken.countDown();
            }
            return i;
        }, stopped::get, Thread.ofPlatform().daemon().factory())) {
            assertEquals(0, prefetch.next());
            assertTrue(firstTaken.await(30, TimeUnit.SECONDS));
            assertEquals(1, prefetch.next(), "the item in hand is still handed over");
            assertNull(prefetch.next(), "then the producer ends");
            assertEquals(2, prefetch.delivered());
        }
    }
}

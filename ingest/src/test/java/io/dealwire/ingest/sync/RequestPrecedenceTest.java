package io.dealwire.ingest.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sync's yielding to requests, counted (steps paused, threads parsing), never timed. */
class RequestPrecedenceTest {
    private static final Duration STEP = Duration.ofMillis(20);
    private static final Duration MAX = Duration.ofSeconds(1);

    private final List<Duration> slept = new ArrayList<>();

    private RequestPrecedence precedence(RequestLoad load) {
        return new RequestPrecedence(load, slept::add, MAX, STEP);
    }

    @Test
    void whileRequestsWaitMessagesAreParsedOnTheCallingThreadAlone() {
        var threads = ConcurrentHashMap.<Thread>newKeySet();
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();

        List<Integer> parsed = precedence(() -> 3).parse(items, i -> {
            threads.add(Thread.currentThread());
            return i + 1;
        });

        assertEquals(IntStream.range(1, 2_001).boxed().toList(), parsed, "every item, in order");
        assertEquals(Set.of(Thread.currentThread()), threads);
    }

    @Test
    void withoutRequestsEveryItemIsParsedInOrder() {
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
        assertEquals(IntStream.range(1, 2_001).boxed().toList(), precedence(RequestLoad.NONE).parse(items, i -> i + 1));
    }

    @Test
    void aBusyApiGetsBackTheTimeTheSyncWorkedInSteps() {
        var precedence = precedence(() -> 16);
        precedence.worked(Duration.ofMillis(100));

        assertEquals(5, precedence.yieldIfBusy(() -> false), "100 ms of work owed, paid in 20 ms steps");
        assertEquals(List.of(STEP, STEP, STEP, STEP, STEP), slept);
        assertEquals(0, precedence.yieldIfBusy(() -> false), "the work owed was settled");
    }

    @Test
    void aPauseIsBoundedSoThatABusyApiNeverStarvesTheSync() {
        var precedence = precedence(() -> 16);
        precedence.worked(Duration.ofSeconds(30));

        assertEquals(50, precedence.yieldIfBusy(() -> false), "at most one second, however long the sync worked");
    }

    @Test
    void thePauseEndsAsSoonAsNoRequestWaits() {
        var asked = new AtomicInteger();
        // requests in flight the first three times the sync asks, then none
        var precedence = precedence(() -> asked.incrementAndGet() <= 3 ? 1 : 0);
        precedence.worked(Duration.ofMillis(500));

        assertEquals(3, precedence.yieldIfBusy(() -> false));
    }

    @Test
    void noPauseWhenNobodyWaitsOrTheSyncIsStopped() {
        var idle = precedence(RequestLoad.NONE);
        idle.worked(Duration.ofMillis(500));
        assertEquals(0, idle.yieldIfBusy(() -> false));

        var stopping = precedence(() -> 4);
        stopping.worked(Duration.ofMillis(500));
        assertEquals(0, stopping.yieldIfBusy(() -> true));

        var fresh = precedence(() -> 4);
        fresh.worked(Duration.ofMillis(500));
        fresh.reset(); // a new pass: new mail is stored without first paying for the previous pass
        assertEquals(0, fresh.yieldIfBusy(() -> false));
        assertEquals(List.of(), slept);
    }
}

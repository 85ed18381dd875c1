package io.dealwire.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where blocking work runs: virtual threads by default, a few platform threads for CPU-bound work. */
class BlockingTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void cpuBoundWorkRunsOnItsOwnPlatformThreadsAtMostThatManyAtOnce() throws Exception {
        try (var searching = Blocking.onPlatformThreads(vertx, "search", 2)) {
            var running = new AtomicInteger();
            var most = new AtomicInteger();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            var answers = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                answers.add(searching.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    assertFalse(Thread.currentThread().isVirtual());
                    threads.add(Thread.currentThread().getName());
                    Thread.sleep(5);
                    running.decrementAndGet();
                    return n * n;
                }));
            }
            for (int i = 0; i < 20; i++)
                assertEquals(i * i, answers.get(i).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS));
            assertTrue(most.get() <= 2, "at most two at once, saw " + most.get());
            assertTrue(threads.stream().allMatch(t -> t.startsWith("search-")), threads.toString());
        }
    }

    /**
     * The reason for the platform threads: work that never waits (a search) on every carrier thread would leave no
     * carrier for the virtual threads of everything else (a mailbox's sync, a token check) until it ends.
     */
    @Test
    void cpuBoundWorkOnEveryCoreLeavesTheVirtualThreadsTheirTurn() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        var release = new AtomicBoolean();
        var searching = Blocking.onPlatformThreads(vertx, "search", cores);
        var blocking = new Blocking(vertx);
        try {
            var spinning = new AtomicInteger();
            var spinners = new ArrayList<Future<Long>>();
            for (int i = 0; i < cores; i++) {
                spinners.add(searching.run(() -> {
                    spinning.incrementAndGet();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120), spins = 0;
                    while (!release.get() && System.nanoTime() < deadline) spins++; // computes, never parks
                    return spins;
                }));
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (spinning.get() < cores && System.nanoTime() < waitUntil) Thread.sleep(10);
            assertEquals(cores, spinning.get(), "every search thread busy");

            var other = blocking.run(() -> Thread.currentThread().isVirtual());
            assertTrue(other.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS), "ran on a virtual thread meanwhile");
            assertFalse(release.get(), "the virtual thread ran while every search thread still computed");
        } finally {
            release.set(true); // before closing: a close waits for the work it runs
            searching.close();
            blocking.close();
        }
    }
}

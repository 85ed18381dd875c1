package io.dealwire.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs blocking work (store, index, IMAP) off the event loop and hands the result back to the calling
 * event-loop context, so no handler ever blocks an event loop.
 *
 * <p>Most work waits more than it computes and runs on virtual threads. CPU-bound work that can come many at
 * a time (searches) runs on a few platform threads instead ({@link #onPlatformThreads}): virtual threads are
 * never preempted, so sixteen searches of a few milliseconds each would hold the carrier threads that every
 * other virtual thread needs after each wait (ADR 7). Platform threads are time-sliced by the operating
 * system, so the rest of the service keeps its turn.
 */
public final class Blocking implements AutoCloseable {
    private final Vertx vertx;
    private final ExecutorService executor;

    public Blocking(Vertx vertx) {
        this(vertx, Executors.newVirtualThreadPerTaskExecutor());
    }

    private Blocking(Vertx vertx, ExecutorService executor) {
        this.vertx = vertx;
        this.executor = executor;
    }

    /** Work run on {@code threads} daemon platform threads named {@code name-N}, queued in order beyond that. */
    public static Blocking onPlatformThreads(Vertx vertx, String name, int threads) {
        if (threads < 1) throw new IllegalArgumentException("at least one thread, got " + threads);
        return new Blocking(vertx, Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(name + "-", 1).factory()));
    }

    public <T> Future<T> run(Callable<T> work) {
        var context = vertx.getOrCreateContext();
        var stage = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor);
        return Future.fromCompletionStage(stage, context).recover(e ->
                Future.failedFuture(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    @Override
    public void close() {
        executor.close();
    }
}

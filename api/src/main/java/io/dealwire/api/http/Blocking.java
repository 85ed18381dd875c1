package io.dealwire.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs blocking work (store, index, IMAP) on virtual threads and hands the result back to the calling
 * event-loop context, so no handler ever blocks an event loop.
 */
public final class Blocking implements AutoCloseable {
    private final Vertx vertx;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
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

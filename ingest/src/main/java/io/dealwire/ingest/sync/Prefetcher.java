package io.dealwire.ingest.sync;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Produces items 0..count-1 in order on a thread of its own, one ahead of the caller: while the caller stores
 * item n (the sync thread accepting and committing a batch), the producer fetches and parses item n+1, and then
 * waits until the caller takes it. So at most two items are in memory (the caller's and the next), which keeps
 * a backfill within a small heap.
 *
 * <p>A producer failure reaches the caller after every item produced before it, in order, so a connection cut
 * while fetching batch n+1 still lets batch n be stored and checkpointed. {@link #close()} stops the producer and
 * waits for it: when it returns, nothing of this prefetch runs any more (the caller may reuse the connection, or
 * report its own failure knowing that no fetch is still going on).
 */
final class Prefetcher<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Prefetcher.class);
    private static final long HANDOFF_CHECK_MILLIS = 50;

    /** Produces the item at an index; called on the producer thread, in index order. */
    @FunctionalInterface
    interface Source<T> {
        T produce(int index) throws MessagingException;
    }

    /** What the producer hands over: an item, its failure, or the end. */
    private sealed interface Handoff<T> {
    }

    private record Item<T>(T value) implements Handoff<T> {
    }

    private record Failure<T>(Throwable error) implements Handoff<T> {
    }

    private record End<T>() implements Handoff<T> {
    }

    private final SynchronousQueue<Handoff<T>> handoff = new SynchronousQueue<>();
    private final Thread producer;
    private final BooleanSupplier stopped;
    private volatile boolean closed;
    private boolean finished;
    private int delivered;

    /**
     * Starts producing at once.
     *
     * @param stopped checked before each item: when true, the producer ends after the item in hand
     */
    Prefetcher(String name, int count, Source<T> source, BooleanSupplier stopped, ThreadFactory threads) {
        this.stopped = stopped;
        this.producer = threads.newThread(() -> produce(count, source));
        producer.setName(name);
        producer.start();
    }

    private void produce(int count, Source<T> source) {
        Handoff<T> last = new End<>();
        try {
            for (int i = 0; i < count && !closed && !stopped.getAsBoolean(); i++) {
                if (!hand(new Item<>(source.produce(i)))) return;
            }
        } catch (MessagingException | RuntimeException | Error e) {
            last = new Failure<>(e);
        }
        hand(last);
    }

    /** Waits until the caller takes the handoff; false when the prefetch was closed meanwhile. */
    private boolean hand(Handoff<T> h) {
        try {
            while (!closed) {
                if (handoff.offer(h, HANDOFF_CHECK_MILLIS, TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (h instanceof Failure<T> f) log.debug("prefetch closed; its failure is not reported: {}", f.error().toString());
        return false;
    }

    /**
     * The next item in order; null when every item was delivered or the producer stopped early (see
     * {@link #delivered()}). A failure of the producer is thrown here, after every item produced before it.
     */
    T next() throws MessagingException {
        if (finished || closed) return null;
        Handoff<T> h = take();
        switch (h) {
            case Item<T> item -> {
                delivered++;
                return item.value();
            }
            case End<T> end -> {
                finished = true;
                return null;
            }
            case Failure<T> failure -> {
                finished = true;
                switch (failure.error()) {
                    case MessagingException m -> throw m;
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw new IllegalStateException(failure.error());
                }
            }
        }
    }

    private Handoff<T> take() throws MessagingException {
        try {
            while (true) {
                Handoff<T> h = handoff.poll(HANDOFF_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (h != null) return h;
                if (!producer.isAlive()) {
                    // it may have handed over just before ending
                    h = handoff.poll();
                    if (h != null) return h;
                    finished = true;
                    throw new IllegalStateException("the prefetch thread " + producer.getName() + " ended without a result");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = true;
            throw new MessagingException("interrupted while waiting for the next batch", e);
        }
    }

    /** Items handed to the caller so far. */
    int delivered() {
        return delivered;
    }

    /**
     * Stops the producer and waits for it to end. The producer is not interrupted (an interrupt would close
     * the IMAP socket under it): an item in progress completes, bounded by the connection's read timeout, and
     * is dropped.
     */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                handoff.poll(HANDOFF_CHECK_MILLIS, TimeUnit.MILLISECONDS); // frees a producer waiting to hand over
                producer.join(HANDOFF_CHECK_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}

package io.dealwire.bench.stats;

import io.dealwire.bench.http.Api;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Closed-loop load: {@code clients} virtual threads each send the next request as soon as the previous
 * answered, round-robin over {@code requests}, until {@code maxRequests} were sent, {@code maxTime} passed
 * or {@code keepGoing} says stop. Loopback only; every response status is checked.
 */
public final class LoadDriver {
    /** What a run measured. */
    public record Run(Latencies latencies, long errors, double seconds) {
        public double throughput() {
            return latencies.count() / seconds;
        }
    }

    private LoadDriver() {
    }

    public static Run run(Api api, List<HttpRequest> requests, int clients, int maxRequests, Duration maxTime, BooleanSupplier keepGoing)
            throws InterruptedException {
        return run(() -> i -> api.status(requests.get(i % requests.size())), clients, maxRequests, maxTime, keepGoing);
    }

    /** One client's way of sending the i-th request of the run; returns the answer's status. */
    public interface Client extends AutoCloseable {
        int send(int i) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** The same closed loop with each of the {@code clients} virtual threads sending through its own {@link Client}. */
    public static Run run(Supplier<Client> connect, int clients, int maxRequests, Duration maxTime, BooleanSupplier keepGoing)
            throws InterruptedException {
        var nanos = new long[maxRequests];
        var next = new AtomicInteger();
        var recorded = new AtomicInteger();
        var errors = new AtomicLong();
        long deadline = System.nanoTime() + maxTime.toNanos();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    try (var client = connect.get()) {
                        while (System.nanoTime() < deadline && keepGoing.getAsBoolean()) {
                            int i = next.getAndIncrement();
                            if (i >= maxRequests) return null;
                            long t0 = System.nanoTime();
                            try {
                                int status = client.send(i);
                                long dt = System.nanoTime() - t0;
                                if (status != 200) errors.incrementAndGet();
                                else nanos[recorded.getAndIncrement()] = dt;
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(Latencies.of(nanos, recorded.get()), errors.get(), seconds);
    }
}

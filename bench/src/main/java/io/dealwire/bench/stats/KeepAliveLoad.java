package io.dealwire.bench.stats;

import io.dealwire.bench.http.KeepAliveConnection;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load like {@link LoadDriver}, each client on its own {@link KeepAliveConnection}: {@code clients}
 * virtual threads send the request again as soon as the answer is read, until {@code maxRequests} were sent or
 * {@code maxTime} passed. Every status is checked; a failed connection is reopened by the next request.
 */
public final class KeepAliveLoad {
    private KeepAliveLoad() {
    }

    public static LoadDriver.Run run(int port, byte[] request, int clients, int maxRequests, Duration maxTime) throws InterruptedException {
        var nanos = new long[maxRequests];
        var next = new AtomicInteger();
        var recorded = new AtomicInteger();
        var errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    try (var connection = new KeepAliveConnection(port)) {
                        while (System.nanoTime() < deadline && next.getAndIncrement() < maxRequests) {
                            long t0 = System.nanoTime();
                            try {
                                int status = connection.send(request);
                                long dt = System.nanoTime() - t0;
                                if (status != 200) errors.incrementAndGet();
                                else nanos[recorded.getAndIncrement()] = dt;
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                connection.close();
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadDriver.Run(Latencies.of(nanos, recorded.get()), errors.get(), seconds);
    }
}

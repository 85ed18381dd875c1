package io.dealwire.reliability.scenario;

import io.dealwire.reliability.http.Api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients calling the API in a loop while a fault is on; every answer is filed under the phase it started in,
 * so the figures show what a user saw before, during and after the fault.
 */
final class ApiLoad implements AutoCloseable {
    /** An answer slower than this counts as a hang. */
    static final Duration HANG = Duration.ofSeconds(15);

    record PhaseFigures(long requests, Map<String, Long> statuses, long maxMillis, long hangs, long unavailableWithoutRetryAfter) {
    }

    private final AtomicReference<String> phase = new AtomicReference<>("before");
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Map<String, AtomicLong>> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> maxMillis = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> hangs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> noRetryAfter = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    ApiLoad(Api api, List<String> paths, int clients) {
        for (int c = 0; c < clients; c++) {
            int first = c;
            threads.add(Thread.ofVirtual().start(() -> {
                int i = first;
                while (running.get()) {
                    var path = paths.get(i++ % paths.size());
                    var p = phase.get();
                    String key;
                    long t0 = System.nanoTime();
                    try {
                        var r = api.get(path, HANG.multipliedBy(2));
                        key = Integer.toString(r.status());
                        if (r.status() == 503 && r.retryAfter() == null) noRetryAfter.computeIfAbsent(p, k -> new AtomicLong()).incrementAndGet();
                    } catch (IOException e) {
                        key = "no answer (" + e.getClass().getSimpleName() + ")";
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (ms > HANG.toMillis()) hangs.computeIfAbsent(p, k -> new AtomicLong()).incrementAndGet();
                    maxMillis.computeIfAbsent(p, k -> new AtomicLong()).accumulateAndGet(ms, Math::max);
                    statuses.computeIfAbsent(p, k -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                    Harness.sleep(100);
                }
            }));
        }
    }

    void phase(String name) {
        phase.set(name);
    }

    PhaseFigures figures(String p) {
        var s = new TreeMap<String, Long>();
        statuses.getOrDefault(p, Map.of()).forEach((k, v) -> s.put(k, v.get()));
        return new PhaseFigures(s.values().stream().mapToLong(Long::longValue).sum(), s,
                maxMillis.getOrDefault(p, new AtomicLong()).get(), hangs.getOrDefault(p, new AtomicLong()).get(),
                noRetryAfter.getOrDefault(p, new AtomicLong()).get());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var t : threads) t.join(HANG.multipliedBy(3).toMillis());
    }
}

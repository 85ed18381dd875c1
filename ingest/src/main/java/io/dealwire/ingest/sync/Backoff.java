package io.dealwire.ingest.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base·2^n capped at max, then a random delay in [d/2, d]. */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private int failures;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    Duration next() {
        long ceiling = max.toMillis();
        long d = base.toMillis() << Math.min(failures, 30);
        if (d <= 0 || d > ceiling) d = ceiling;
        failures++;
        long half = Math.max(1, d / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(d - half + 1));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}

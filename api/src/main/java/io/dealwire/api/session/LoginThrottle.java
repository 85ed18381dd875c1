package io.dealwire.api.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password attempts per client address and email: at most {@code max} within {@code window}, so a
 * password cannot be guessed by trying many. Failed and successful attempts both count.
 */
public final class LoginThrottle {
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Records an attempt; returns how long to wait when it is over the limit, else {@link Duration#ZERO}. */
    public Duration attempt(String ip, String email) {
        var key = ip + "|" + email.toLowerCase(Locale.ROOT);
        var now = clock.instant();
        var wait = new Duration[]{Duration.ZERO};
        attempts.compute(key, (k, q) -> {
            var times = q == null ? new ArrayDeque<Instant>() : q;
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) times.pollFirst();
            if (times.size() >= max) {
                wait[0] = Duration.between(now, times.peekFirst().plus(window));
            } else {
                times.addLast(now);
            }
            return times;
        });
        if (attempts.size() > 10_000) attempts.values().removeIf(q -> q.isEmpty());
        return wait[0];
    }
}

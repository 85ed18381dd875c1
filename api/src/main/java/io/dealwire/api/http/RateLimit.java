package io.dealwire.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (the bearer token, else the remote address): {@code perSecond} requests a
 * second on average, bursts up to twice that. Over the limit: 429 with Retry-After. Runs on the event
 * loop and never blocks.
 */
public final class RateLimit implements Handler<RoutingContext> {
    private static final int MAX_CLIENTS = 100_000;
    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    public RateLimit(int perSecond) {
        this.perSecond = perSecond;
        this.burst = perSecond * 2.0;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (perSecond <= 0) {
            ctx.next();
            return;
        }
        var auth = ctx.request().getHeader("Authorization");
        var key = auth != null ? "t:" + auth.hashCode() : "a:" + ctx.request().remoteAddress().hostAddress();
        if (buckets.size() > MAX_CLIENTS) buckets.clear(); // a flood of distinct clients must not grow memory without bound
        long now = System.nanoTime();
        var bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        boolean allowed;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.lastNanos) / 1e9 * perSecond);
            bucket.lastNanos = now;
            allowed = bucket.tokens >= 1;
            if (allowed) bucket.tokens -= 1;
        }
        if (allowed) {
            ctx.next();
        } else {
            ctx.response().putHeader("Retry-After", "1");
            Problems.send(ctx, 429, "Too many requests", "more than " + (int) perSecond + " requests a second from this client; retry after a second");
        }
    }
}

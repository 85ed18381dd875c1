package io.dealwire.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the API requests being served, for background work that gives them precedence: the mailbox sync
 * asks before each batch and slows its backfill while someone waits for an answer. A request counts from the
 * moment it is routed until its response ends, fails or its connection closes (whichever comes first: the
 * routing context calls its end handlers once).
 */
public final class RequestsInFlight implements Handler<RoutingContext> {
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Counts every request under {@code /api}; mount it before the routes whose requests should count. */
    public void mount(Router router) {
        router.route("/api/*").handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        inFlight.incrementAndGet();
        ctx.addEndHandler(ended -> inFlight.decrementAndGet());
        ctx.next();
    }

    /** Requests routed and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }
}

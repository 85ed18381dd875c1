package io.dealwire.api.http;

import io.vertx.ext.web.Router;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}: answered without authentication, so load balancers and scripts can poll it.
 * The status reads the index feeder and the store, which may wait on a lock during a large batch: it is
 * gathered on a virtual thread, never on the event loop.
 */
public final class HealthRoutes {
    private final Supplier<Map<String, Object>> status;
    private final Blocking blocking;

    public HealthRoutes(Supplier<Map<String, Object>> status, Blocking blocking) {
        this.status = status;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/health").handler(ctx -> Responses.reply(ctx, blocking.run(status::get)));
    }
}

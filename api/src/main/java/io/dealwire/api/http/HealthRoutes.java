package io.dealwire.api.http;

import io.vertx.ext.web.Router;

import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /api/health}: answered without authentication, so load balancers and scripts can poll it. */
public final class HealthRoutes {
    private final Supplier<Map<String, Object>> status;

    public HealthRoutes(Supplier<Map<String, Object>> status) {
        this.status = status;
    }

    public void mount(Router router) {
        router.get("/api/health").handler(ctx -> Responses.json(ctx, 200, status.get()));
    }
}

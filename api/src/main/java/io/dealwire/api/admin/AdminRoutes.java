package io.dealwire.api.admin;

import io.dealwire.api.app.Search;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Admin operations: rebuild the search index from the store (progress in {@code GET /api/health}). */
public final class AdminRoutes {
    private final Search search;
    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public AdminRoutes(Search search) {
        this.search = search;
    }

    public void mount(Router router) {
        router.post("/api/admin/reindex").handler(this::reindex);
        router.get("/api/admin/index").handler(ctx -> {
            Responses.requireAdmin(ctx);
            Responses.json(ctx, 200, search.status());
        });
    }

    private void reindex(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        if (!rebuilding.compareAndSet(false, true)) throw ApiException.conflict("the index is already being rebuilt");
        // Runs in the background: a rebuild of a large store takes minutes; searches keep answering meanwhile.
        Thread.ofVirtual().name("reindex").start(() -> {
            try {
                search.rebuild();
            } finally {
                rebuilding.set(false);
            }
        });
        Responses.json(ctx, 202, Map.of("status", "rebuilding", "progress", "/api/admin/index"));
    }
}

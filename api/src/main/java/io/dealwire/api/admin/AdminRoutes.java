package io.dealwire.api.admin;

import io.dealwire.api.app.Search;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Admin operations: rebuild the search index from the store (progress in {@code GET /api/health}); online backup. */
public final class AdminRoutes {
    private final Search search;
    private final Function<Path, Object> backup;
    private final Blocking blocking;

    /** @param backup writes a consistent backup of the running store into a directory, returning its manifest */
    public AdminRoutes(Search search, Function<Path, Object> backup, Blocking blocking) {
        this.search = search;
        this.backup = backup;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.post("/api/admin/reindex").handler(this::reindex);
        router.post("/api/admin/backup").handler(this::backup);
        router.get("/api/admin/index").handler(ctx -> {
            Responses.requireAdmin(ctx);
            Responses.json(ctx, 200, search.status());
        });
    }

    private void backup(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        var dir = Json.readObject(ctx.body().asString()).path("dir").asText("");
        if (dir.isBlank() || !Path.of(dir).isAbsolute()) throw ApiException.badRequest("give {\"dir\": an absolute directory on the server}");
        Responses.reply(ctx, blocking.run(() -> {
            try {
                return backup.apply(Path.of(dir));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }));
    }

    private void reindex(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        // Runs in the background: a rebuild of a large store takes minutes; searches keep answering meanwhile.
        if (!search.startRebuild()) throw ApiException.conflict("the index is already being rebuilt");
        Responses.json(ctx, 202, Map.of("status", "rebuilding", "progress", "/api/admin/index"));
    }
}

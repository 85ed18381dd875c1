package io.dealwire.api.pipeline;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.vertx.ext.web.Router;

/** {@code /api/pipelines}: everyone reads pipelines and templates; admins create, edit and remove them. */
public final class PipelineRoutes {
    private final PipelineService service;
    private final Blocking blocking;

    public PipelineRoutes(PipelineService service, Blocking blocking) {
        this.service = service;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/pipelines").handler(ctx -> Responses.reply(ctx, blocking.run(service::list)));
        router.get("/api/pipelines/templates").handler(ctx -> Responses.reply(ctx, blocking.run(service::templates)));
        router.get("/api/pipelines/:id").handler(ctx -> {
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.get(id)));
        });
        router.post("/api/pipelines").handler(ctx -> {
            Responses.requireAdmin(ctx);
            var body = Json.readObject(ctx.body().asString());
            Responses.reply(ctx, 201, blocking.run(() -> service.create(body)));
        });
        router.put("/api/pipelines/:id").handler(ctx -> {
            Responses.requireAdmin(ctx);
            var body = Json.readObject(ctx.body().asString());
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.replace(id, body)));
        });
        router.delete("/api/pipelines/:id").handler(ctx -> {
            Responses.requireAdmin(ctx);
            var id = ctx.pathParam("id");
            blocking.run(() -> {
                service.delete(id);
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
    }
}

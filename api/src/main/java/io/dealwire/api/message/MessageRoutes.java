package io.dealwire.api.message;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Page;
import io.dealwire.api.scope.Scopes;
import io.vertx.ext.web.Router;

/** {@code /api/messages/{id}} (metadata and sanitized body), its text download, and the deal timeline. */
public final class MessageRoutes {
    private final MessageService service;
    private final Timelines timelines;
    private final Scopes scopes;
    private final Blocking blocking;

    public MessageRoutes(MessageService service, Timelines timelines, Scopes scopes, Blocking blocking) {
        this.service = service;
        this.timelines = timelines;
        this.scopes = scopes;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/messages/:id").handler(ctx -> {
            var images = "1".equals(ctx.queryParams().get("images")) || "true".equals(ctx.queryParams().get("images"));
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.get(scopes.of(user), id, images)));
        });
        router.get("/api/messages/:id/raw").handler(ctx -> {
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            blocking.run(() -> service.raw(scopes.of(user), id)).onSuccess(text -> ctx.response()
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt\"")
                    .putHeader("X-Dealwire-Note", "original MIME source not stored; stored text returned")
                    .end(text)).onFailure(ctx::fail);
        });
        router.get("/api/deals/:id/timeline").handler(ctx -> {
            int offset = Page.offset(ctx.queryParams().get("offset"));
            int limit = Page.limit(ctx.queryParams().get("limit"));
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> timelines.deal(scopes.of(user), id, offset, limit)));
        });
    }
}

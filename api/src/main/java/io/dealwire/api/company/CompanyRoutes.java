package io.dealwire.api.company;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.api.listing.Page;
import io.dealwire.api.message.Timelines;
import io.dealwire.api.scope.Scopes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/companies}: list (q, company), get, create, update, timeline. */
public final class CompanyRoutes {
    private final CompanyService service;
    private final Timelines timelines;
    private final Scopes scopes;
    private final Blocking blocking;

    public CompanyRoutes(CompanyService service, Timelines timelines, Scopes scopes, Blocking blocking) {
        this.service = service;
        this.timelines = timelines;
        this.scopes = scopes;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/companies").handler(ctx -> {
            var q = Fields.param(ctx, "q");
            int offset = Page.offset(ctx.queryParams().get("offset"));
            int limit = Page.limit(ctx.queryParams().get("limit"));
            var user = Responses.user(ctx);
            Responses.reply(ctx, blocking.run(() -> service.list(scopes.of(user), q, offset, limit)));
        });
        router.post("/api/companies").handler(ctx -> {
            var draft = draft(ctx);
            var user = Responses.user(ctx);
            Responses.reply(ctx, 201, blocking.run(() -> service.create(scopes.of(user), draft)));
        });
        router.get("/api/companies/:id").handler(ctx -> {
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.get(scopes.of(user), id)));
        });
        router.patch("/api/companies/:id").handler(ctx -> {
            var draft = draft(ctx);
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.update(scopes.of(user), id, draft)));
        });
        router.get("/api/companies/:id/timeline").handler(ctx -> {
            int offset = Page.offset(ctx.queryParams().get("offset"));
            int limit = Page.limit(ctx.queryParams().get("limit"));
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> timelines.company(scopes.of(user), id, offset, limit)));
        });
    }

    private static CompanyService.Draft draft(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        return new CompanyService.Draft(Fields.text(body, "name"), Fields.texts(body, "domains"));
    }
}

package io.dealwire.api.deal;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.api.listing.Page;
import io.dealwire.api.scope.Scopes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/deals}: list with filters, get, create, update, change stage (a person's change), accept or
 * dismiss a suggestion, merge.
 */
public final class DealRoutes {
    private final DealService service;
    private final Scopes scopes;
    private final Blocking blocking;

    public DealRoutes(DealService service, Scopes scopes, Blocking blocking) {
        this.service = service;
        this.scopes = scopes;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/deals").handler(this::list);
        router.post("/api/deals").handler(this::create);
        router.get("/api/deals/:id").handler(ctx -> {
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.get(scopes.of(user), id)));
        });
        router.patch("/api/deals/:id").handler(this::update);
        router.post("/api/deals/:id/stage").handler(this::stage);
        router.post("/api/deals/:id/suggestions/:changeId/accept").handler(ctx -> decide(ctx, true));
        router.post("/api/deals/:id/suggestions/:changeId/dismiss").handler(ctx -> decide(ctx, false));
        router.post("/api/deals/:id/merge").handler(this::merge);
    }

    private void list(RoutingContext ctx) {
        var filter = new DealService.Filter(Fields.param(ctx, "pipeline"), Fields.param(ctx, "stage"), Fields.param(ctx, "owner"),
                Fields.param(ctx, "company"), Fields.param(ctx, "q"));
        int offset = Page.offset(ctx.queryParams().get("offset"));
        int limit = Page.limit(ctx.queryParams().get("limit"));
        var user = Responses.user(ctx);
        Responses.reply(ctx, blocking.run(() -> service.list(scopes.of(user), filter, offset, limit)));
    }

    private void create(RoutingContext ctx) {
        var draft = draft(ctx);
        var user = Responses.user(ctx);
        Responses.reply(ctx, 201, blocking.run(() -> service.create(scopes.of(user), draft)));
    }

    private void update(RoutingContext ctx) {
        var draft = draft(ctx);
        var user = Responses.user(ctx);
        var id = ctx.pathParam("id");
        Responses.reply(ctx, blocking.run(() -> service.update(scopes.of(user), id, draft)));
    }

    private void stage(RoutingContext ctx) {
        var stage = Fields.requiredText(Json.readObject(ctx.body().asString()), "stage");
        var user = Responses.user(ctx);
        var id = ctx.pathParam("id");
        Responses.reply(ctx, blocking.run(() -> service.changeStage(scopes.of(user), id, stage)));
    }

    private void decide(RoutingContext ctx, boolean accept) {
        var user = Responses.user(ctx);
        var id = ctx.pathParam("id");
        var changeId = ctx.pathParam("changeId");
        Responses.reply(ctx, blocking.run(() -> service.decide(scopes.of(user), id, changeId, accept)));
    }

    private void merge(RoutingContext ctx) {
        var into = Fields.requiredText(Json.readObject(ctx.body().asString()), "into");
        var user = Responses.user(ctx);
        var id = ctx.pathParam("id");
        Responses.reply(ctx, blocking.run(() -> service.merge(scopes.of(user), id, into)));
    }

    private static DealService.Draft draft(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        return new DealService.Draft(Fields.text(body, "title"), Fields.text(body, "pipelineId"), Fields.text(body, "stageId"),
                Fields.text(body, "companyId"), Fields.text(body, "personContactId"), Fields.text(body, "ownerId"),
                Fields.number(body, "value"), Fields.text(body, "currency"));
    }
}

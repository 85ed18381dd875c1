package io.dealwire.api.contact;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.api.listing.Page;
import io.dealwire.api.message.Timelines;
import io.dealwire.api.scope.Scopes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/contacts}: list (q, company), get, create, update, timeline. */
public final class ContactRoutes {
    private final ContactService service;
    private final Timelines timelines;
    private final Scopes scopes;
    private final Blocking blocking;

    public ContactRoutes(ContactService service, Timelines timelines, Scopes scopes, Blocking blocking) {
        this.service = service;
        this.timelines = timelines;
        this.scopes = scopes;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/contacts").handler(ctx -> {
            var q = Fields.param(ctx, "q");
            var company = Fields.param(ctx, "company");
            int offset = Page.offset(ctx.queryParams().get("offset"));
            int limit = Page.limit(ctx.queryParams().get("limit"));
            var user = Responses.user(ctx);
            Responses.reply(ctx, blocking.run(() -> service.list(scopes.of(user), q, company, offset, limit)));
        });
        router.post("/api/contacts").handler(ctx -> {
            var draft = draft(ctx);
            var user = Responses.user(ctx);
            Responses.reply(ctx, 201, blocking.run(() -> service.create(scopes.of(user), draft)));
        });
        router.get("/api/contacts/:id").handler(ctx -> {
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.get(scopes.of(user), id)));
        });
        router.patch("/api/contacts/:id").handler(ctx -> {
            var draft = draft(ctx);
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> service.update(scopes.of(user), id, draft)));
        });
        router.get("/api/contacts/:id/timeline").handler(ctx -> {
            int offset = Page.offset(ctx.queryParams().get("offset"));
            int limit = Page.limit(ctx.queryParams().get("limit"));
            var user = Responses.user(ctx);
            var id = ctx.pathParam("id");
            Responses.reply(ctx, blocking.run(() -> timelines.contact(scopes.of(user), id, offset, limit)));
        });
    }

    private static ContactService.Draft draft(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        return new ContactService.Draft(Fields.text(body, "name"), Fields.texts(body, "emails"), Fields.text(body, "title"),
                Fields.texts(body, "phones"), Fields.text(body, "companyId"), Fields.text(body, "website"));
    }
}

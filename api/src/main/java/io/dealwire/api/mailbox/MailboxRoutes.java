package io.dealwire.api.mailbox;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** {@code /api/mailboxes}: admins connect, change and remove mailboxes; everyone lists what they may see. */
public final class MailboxRoutes {
    private final MailboxService service;
    private final Blocking blocking;

    public MailboxRoutes(MailboxService service, Blocking blocking) {
        this.service = service;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.post("/api/mailboxes/test").handler(this::test);
        router.post("/api/mailboxes").handler(this::add);
        router.get("/api/mailboxes").handler(ctx -> Responses.reply(ctx, blocking.run(() -> service.list(Responses.user(ctx)))));
        router.get("/api/mailboxes/:id").handler(ctx -> Responses.reply(ctx, blocking.run(() -> service.get(Responses.user(ctx), ctx.pathParam("id")))));
        router.patch("/api/mailboxes/:id").handler(this::patch);
        router.delete("/api/mailboxes/:id").handler(this::delete);
    }

    private void add(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        var request = MailboxRequest.parse(Json.readObject(ctx.body().asString()), true);
        Responses.reply(ctx, 201, blocking.run(() -> service.add(Responses.user(ctx), request)));
    }

    private void test(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        var request = MailboxRequest.parse(Json.readObject(ctx.body().asString()), false);
        Responses.reply(ctx, blocking.run(() -> Map.of("ok", true, "folders", service.test(request))));
    }

    private void patch(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        var body = Json.readObject(ctx.body().asString());
        Responses.reply(ctx, blocking.run(() -> service.patch(Responses.user(ctx), ctx.pathParam("id"), body)));
    }

    private void delete(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        boolean purge = "true".equals(ctx.queryParams().get("purge"));
        blocking.run(() -> {
            service.delete(Responses.user(ctx), ctx.pathParam("id"), purge);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }
}

package io.dealwire.api.auth;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code /api/me}, {@code /api/users} and their tokens. */
public final class UserRoutes {
    private final UserAccounts accounts;
    private final UserRepository users;
    private final Blocking blocking;

    public UserRoutes(UserAccounts accounts, UserRepository users, Blocking blocking) {
        this.accounts = accounts;
        this.users = users;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/me").handler(ctx -> Responses.json(ctx, 200, view(Responses.user(ctx))));
        router.get("/api/users").handler(ctx -> {
            Responses.requireAdmin(ctx);
            Responses.reply(ctx, blocking.run(() -> users.list().stream().map(UserRoutes::view).toList()));
        });
        router.post("/api/users").handler(this::addUser);
        router.post("/api/users/:id/tokens").handler(this::issueToken);
        router.get("/api/users/:id/tokens").handler(ctx -> {
            var id = ownOrAdmin(ctx);
            Responses.reply(ctx, blocking.run(() -> users.tokens(id).stream().map(t -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("id", t.id());
                m.put("label", t.label());
                m.put("createdAt", t.createdAt());
                m.put("revokedAt", t.revokedAt());
                return m;
            }).toList()));
        });
        router.delete("/api/users/:id/tokens/:tokenId").handler(ctx -> {
            var id = ownOrAdmin(ctx);
            blocking.run(() -> accounts.revoke(id, ctx.pathParam("tokenId"))).onSuccess(done -> {
                if (done) ctx.response().setStatusCode(204).end();
                else ctx.fail(ApiException.notFound("no active token " + ctx.pathParam("tokenId")));
            }).onFailure(ctx::fail);
        });
    }

    private void addUser(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        var body = Json.readObject(ctx.body().asString());
        var name = body.path("name").asText("").trim();
        var email = body.path("email").asText("").trim();
        if (name.isEmpty()) throw ApiException.badRequest("name is required");
        if (!email.matches("^[^@\\s]+@[^@\\s]+$")) throw ApiException.badRequest("email must be an email address");
        Role role;
        try {
            role = Role.valueOf(body.path("role").asText("rep").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be admin, manager or rep");
        }
        Responses.reply(ctx, 201, blocking.run(() -> {
            try {
                return view(accounts.addUser(name, email, role));
            } catch (IllegalArgumentException e) {
                throw ApiException.conflict(e.getMessage());
            }
        }));
    }

    private void issueToken(RoutingContext ctx) {
        var id = ownOrAdmin(ctx);
        var label = ctx.body().isEmpty() ? "api" : Json.readObject(ctx.body().asString()).path("label").asText("api");
        Responses.reply(ctx, 201, blocking.run(() -> {
            var user = users.find(id).orElseThrow(() -> ApiException.notFound("no user " + id));
            var issued = accounts.issueToken(user, label);
            return Map.of("id", issued.token().id(), "label", label, "token", issued.secret());
        }));
    }

    /** A user manages their own tokens; an admin anyone's. Someone else's id is a 404, so ids do not leak. */
    private static String ownOrAdmin(RoutingContext ctx) {
        var me = Responses.user(ctx);
        var id = ctx.pathParam("id");
        if (!me.id().equals(id) && me.role() != Role.ADMIN) throw ApiException.notFound("no user " + id);
        return id;
    }

    static Map<String, Object> view(User u) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("email", u.email());
        m.put("role", u.role().name().toLowerCase(Locale.ROOT));
        return m;
    }
}

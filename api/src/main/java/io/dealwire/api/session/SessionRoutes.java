package io.dealwire.api.session;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Problems;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Password login for the web app. {@link #mountOpen} adds {@code POST/GET/DELETE /api/session} (no token
 * needed); {@link #mountSecured} adds {@code POST /api/users/{id}/password} behind authentication.
 */
public final class SessionRoutes {
    private final SessionAuth auth;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final Blocking blocking;

    public SessionRoutes(SessionAuth auth, UserRepository users, LoginThrottle throttle, Blocking blocking) {
        this.auth = auth;
        this.users = users;
        this.throttle = throttle;
        this.blocking = blocking;
    }

    public void mountOpen(Router router) {
        router.post("/api/session").handler(this::login);
        router.get("/api/session").handler(this::current);
        router.delete("/api/session").handler(this::logout);
    }

    public void mountSecured(Router router) {
        router.post("/api/users/:id/password").handler(this::setPassword);
    }

    private void login(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        var email = Fields.requiredText(body, "email").toLowerCase(Locale.ROOT);
        var password = body.path("password").isTextual() ? body.get("password").asText() : null;
        if (password == null || password.isEmpty()) throw ApiException.badRequest("password is required");
        var wait = throttle.attempt(ctx.request().remoteAddress().hostAddress(), email);
        if (!wait.isZero()) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            Problems.send(ctx, 429, "Too many attempts", "too many login attempts for " + email + "; try again in " + Math.max(1, wait.toSeconds()) + " s");
            return;
        }
        blocking.run(() -> users.findByEmail(email).filter(u -> Passwords.verify(password, u.passwordHash()))).onSuccess(user -> {
            if (user.isEmpty()) {
                Problems.send(ctx, 401, "Unauthorized", "the email or the password is wrong");
                return;
            }
            var opened = auth.sessions().open(user.get().id());
            auth.setCookies(ctx, opened);
            Responses.json(ctx, 200, view(user.get(), opened.session().csrf()));
        }).onFailure(ctx::fail);
    }

    private void current(RoutingContext ctx) {
        var session = auth.session(ctx);
        if (session.isEmpty()) {
            Problems.send(ctx, 401, "Unauthorized", "no session: log in with POST /api/session");
            return;
        }
        blocking.run(() -> users.find(session.get().userId())).onSuccess(user -> {
            if (user.isEmpty()) Problems.send(ctx, 401, "Unauthorized", "the session's user no longer exists");
            else Responses.json(ctx, 200, view(user.get(), session.get().csrf()));
        }).onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        var session = auth.session(ctx);
        if (session.isPresent()) {
            // Needs the CSRF token too, so another site cannot log people out.
            blocking.run(() -> auth.fromCookie(ctx)).onSuccess(u -> {
                auth.sessions().close(ctx.request().getCookie(SessionAuth.COOKIE).getValue());
                auth.clearCookies(ctx);
                ctx.response().setStatusCode(204).end();
            }).onFailure(ctx::fail);
        } else {
            auth.clearCookies(ctx);
            ctx.response().setStatusCode(204).end();
        }
    }

    /** An admin sets anyone's password; a user changes their own, giving the current one when they have one. */
    private void setPassword(RoutingContext ctx) {
        var me = Responses.user(ctx);
        var id = ctx.pathParam("id");
        if (!me.id().equals(id) && me.role() != Role.ADMIN) throw ApiException.notFound("no user " + id);
        var body = Json.readObject(ctx.body().asString());
        var password = body.path("password").isTextual() ? body.get("password").asText() : null;
        var weakness = Passwords.weakness(password);
        if (weakness != null) throw ApiException.badRequest(weakness);
        var current = body.path("currentPassword").isTextual() ? body.get("currentPassword").asText() : null;
        blocking.run(() -> {
            var user = users.find(id).orElseThrow(() -> ApiException.notFound("no user " + id));
            if (me.role() != Role.ADMIN && user.passwordHash() != null && !Passwords.verify(current, user.passwordHash()))
                throw ApiException.forbidden("give your current password as currentPassword to change it");
            users.save(new User(user.id(), user.name(), user.email(), user.role(), Passwords.hash(password), user.createdAt()));
            auth.sessions().closeAll(user.id());
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static Map<String, Object> view(User u, String csrf) {
        var user = new LinkedHashMap<String, Object>();
        user.put("id", u.id());
        user.put("name", u.name());
        user.put("email", u.email());
        user.put("role", u.role().name().toLowerCase(Locale.ROOT));
        var m = new LinkedHashMap<String, Object>();
        m.put("user", user);
        m.put("csrfToken", csrf);
        return m;
    }
}

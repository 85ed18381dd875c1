package io.dealwire.api.http;

import io.dealwire.api.auth.UserAccounts;
import io.dealwire.api.session.SessionAuth;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires {@code Authorization: Bearer <token>} (scripts, the add-on) or the web app's session cookie
 * (with its CSRF header on unsafe methods) and puts the user in the routing context; 401 otherwise.
 */
public final class AuthHandler implements Handler<RoutingContext> {
    public static final String USER_KEY = "dealwire.user";
    private final UserAccounts accounts;
    private final SessionAuth sessions;
    private final Blocking blocking;

    public AuthHandler(UserAccounts accounts, SessionAuth sessions, Blocking blocking) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var header = ctx.request().getHeader("Authorization");
        if (header == null && sessions.hasCookie(ctx)) {
            // fromCookie reads the user (blocking) and fails with 403 when the CSRF token is missing or wrong.
            blocking.run(() -> sessions.fromCookie(ctx)).onComplete(ar -> {
                if (ar.failed()) ctx.fail(ar.cause());
                else if (ar.result().isEmpty()) Problems.send(ctx, 401, "Unauthorized", "the session expired: log in again");
                else accept(ctx, ar.result().get());
            });
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Problems.send(ctx, 401, "Unauthorized", "send an API token as 'Authorization: Bearer <token>'");
            return;
        }
        var token = header.substring(7).trim();
        // a token seen in the last seconds is answered from memory, on the event loop: no hop to a virtual thread
        var known = accounts.authenticateInMemory(token);
        if (known.isPresent()) {
            accept(ctx, known.get());
            return;
        }
        blocking.run(() -> accounts.authenticate(token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                Problems.send(ctx, 401, "Unauthorized", "the API token is unknown or revoked");
            } else {
                accept(ctx, ar.result().get());
            }
        });
    }

    private static void accept(RoutingContext ctx, io.dealwire.core.user.User user) {
        ctx.put(USER_KEY, user);
        ctx.next();
    }
}

package io.dealwire.api.http;

import io.dealwire.api.auth.UserAccounts;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Requires {@code Authorization: Bearer <token>} and puts the user in the routing context; 401 otherwise. */
public final class AuthHandler implements Handler<RoutingContext> {
    public static final String USER_KEY = "dealwire.user";
    private final UserAccounts accounts;
    private final Blocking blocking;

    public AuthHandler(UserAccounts accounts, Blocking blocking) {
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Problems.send(ctx, 401, "Unauthorized", "send an API token as 'Authorization: Bearer <token>'");
            return;
        }
        var token = header.substring(7).trim();
        blocking.run(() -> accounts.authenticate(token)).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else if (ar.result().isEmpty()) {
                Problems.send(ctx, 401, "Unauthorized", "the API token is unknown or revoked");
            } else {
                ctx.put(USER_KEY, ar.result().get());
                ctx.next();
            }
        });
    }
}

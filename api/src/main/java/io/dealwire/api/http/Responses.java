package io.dealwire.api.http;

import io.dealwire.core.user.User;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Small helpers shared by every route: answer JSON, or hand a failure to the router's failure handler. */
public final class Responses {
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private Responses() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) return;
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(Buffer.buffer(Json.writeBytes(body)));
    }

    /** Answers with the future's value as JSON (200), or fails the request with its error. */
    public static <T> void reply(RoutingContext ctx, Future<T> result) {
        reply(ctx, 200, result);
    }

    public static <T> void reply(RoutingContext ctx, int status, Future<T> result) {
        result.onSuccess(v -> json(ctx, status, v)).onFailure(ctx::fail);
    }

    /** The authenticated user put there by {@link AuthHandler}. */
    public static User user(RoutingContext ctx) {
        User u = ctx.get(AuthHandler.USER_KEY);
        if (u == null) throw new IllegalStateException("route mounted without authentication");
        return u;
    }

    public static void requireAdmin(RoutingContext ctx) {
        if (user(ctx).role() != io.dealwire.core.user.Role.ADMIN) throw ApiException.forbidden("only an admin can do this");
    }
}

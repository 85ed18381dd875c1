package io.dealwire.api.http;

import io.dealwire.core.store.StoreUnavailableException;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;

/** Writes errors as RFC 9457 {@code application/problem+json}. */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) return;
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.request().path());
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json");
        if (status == 503) response.putHeader("Retry-After", "30");
        if (status == 401) response.putHeader("WWW-Authenticate", "Bearer realm=\"dealwire\"");
        response.end(Json.write(body));
    }

    /** The router's failure handler: typed errors keep their status; anything else is logged and answered 500. */
    public static void handleFailure(RoutingContext ctx) {
        var failure = ctx.failure();
        if (failure instanceof ApiException e) {
            send(ctx, e.status(), e.title(), e.getMessage());
        } else if (failure instanceof StoreUnavailableException u) {
            // Temporary: clients retry after the Retry-After the 503 carries.
            LOG.warn("{} {}: store unavailable: {}", ctx.request().method(), ctx.request().path(), u.getMessage());
            send(ctx, 503, "Service unavailable", "the store cannot be reached right now; retry shortly (" + u.getMessage() + ")");
        } else if (failure != null) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "Internal error", "the server failed to answer this request; the error is in its log");
        } else {
            int code = ctx.statusCode();
            switch (code) {
                case 413 -> send(ctx, 413, "Payload too large", "the request body is larger than the limit of " + ApiLimits.MAX_BODY_BYTES + " bytes");
                case 404 -> send(ctx, 404, "Not found", "no such resource");
                case 405 -> send(ctx, 405, "Method not allowed", "this resource does not accept " + ctx.request().method());
                default -> send(ctx, code, "Error", "the request failed with status " + code);
            }
        }
    }
}

package io.dealwire.api.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers that make the web app harder to abuse: no framing, no sniffing, scripts only from this origin. */
public final class SecurityHeaders implements Handler<RoutingContext> {
    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                .putHeader("Cache-Control", "no-store");
        ctx.next();
    }
}

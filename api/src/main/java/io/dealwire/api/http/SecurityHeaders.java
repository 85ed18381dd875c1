package io.dealwire.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Headers that make the web app harder to abuse: no framing, no sniffing, scripts only from this origin. */
public final class SecurityHeaders implements Handler<RoutingContext> {
    // encoded once (every response carries them), not for each request
    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence POLICY = HttpHeaders.createOptimized(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                    + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader(CONTENT_TYPE_OPTIONS, NOSNIFF)
                .putHeader(FRAME_OPTIONS, DENY)
                .putHeader(REFERRER_POLICY, NO_REFERRER)
                .putHeader(CONTENT_SECURITY_POLICY, POLICY)
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        ctx.next();
    }
}

package io.dealwire.api.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP server: common handlers (security headers, body limit, authentication under {@code /api}),
 * then each concern's routes, then one failure handler that answers problem+json.
 */
public final class ApiServer {
    private final Vertx vertx;
    private HttpServer server;
    private Router router;

    public ApiServer(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * @param rateLimit requests a second per client under /api (0: no limit)
     * @param open    routes that need no authentication (health, static web app)
     * @param auth    the authentication handler for everything else under /api
     * @param secured routes mounted after authentication
     */
    public Future<HttpServer> start(String host, int port, int rateLimit, List<Consumer<Router>> open, AuthHandler auth, List<Consumer<Router>> secured) {
        router = Router.router(vertx);
        router.route().handler(new SecurityHeaders());
        router.route("/api/*").handler(new RateLimit(rateLimit));
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(ApiLimits.MAX_BODY_BYTES));
        open.forEach(r -> r.accept(router));
        router.route("/api/*").handler(auth);
        secured.forEach(r -> r.accept(router));
        router.route("/api/*").handler(ctx -> ctx.fail(ApiException.notFound("no such endpoint: " + ctx.request().method() + " " + ctx.request().path())));
        router.route().failureHandler(Problems::handleFailure);
        server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true));
        return server.requestHandler(router).listen(port, host);
    }

    /** Every endpoint as "METHOD /path/:param", for checking the OpenAPI document against what is served. */
    public List<String> endpoints() {
        return router.getRoutes().stream()
                .filter(r -> r.getPath() != null && r.methods() != null && !r.methods().isEmpty())
                .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath()))
                .distinct().sorted().toList();
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}

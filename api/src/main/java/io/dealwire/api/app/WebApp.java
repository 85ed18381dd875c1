package io.dealwire.api.app;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** Serves the web app's files from the jar at {@code /}: no separate server at run time. */
final class WebApp {
    private WebApp() {
    }

    static void mount(Router router) {
        // Everything outside /api is a file of the web app.
        router.routeWithRegex("^/(?!api/).*").handler(StaticHandler.create("webroot").setCachingEnabled(false).setIndexPage("index.html"));
    }
}

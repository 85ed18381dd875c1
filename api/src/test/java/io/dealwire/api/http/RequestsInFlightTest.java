package io.dealwire.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests count while they are served and stop counting however they end: answered, failed or abandoned. */
class RequestsInFlightTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final RequestsInFlight inFlight = new RequestsInFlight();
    /** Requests to /api/held, waiting for the test to answer them. */
    private final LinkedBlockingQueue<RoutingContext> held = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        inFlight.mount(router);
        router.get("/api/held").handler(held::add);
        router.get("/api/failing").handler(ctx -> ctx.fail(new IllegalStateException("broken on purpose")));
        router.get("/api/quick").handler(ctx -> ctx.response().end("ok"));
        router.route().failureHandler(ctx -> ctx.response().setStatusCode(500).end());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aRequestCountsUntilItsAnswerIsSent() throws Exception {
        var answer = client.sendAsync(get("/api/held"), HttpResponse.BodyHandlers.ofString());
        RoutingContext ctx = held.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(ctx, "the request reached its route");
        assertEquals(1, inFlight.inFlight(), "counted while its answer is pending");

        ctx.response().end("done");
        assertEquals(200, answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).statusCode());
        await(() -> inFlight.inFlight() == 0, "no request in flight after the answer");
        assertEquals(0, inFlight.inFlight());
    }

    @Test
    void answeredAndFailedRequestsStopCounting() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.send(get("/api/quick"), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(500, client.send(get("/api/failing"), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        await(() -> inFlight.inFlight() == 0, "no request in flight after ten answers");
        assertEquals(0, inFlight.inFlight());
    }

    @Test
    void aRequestWhoseClientHungUpStopsCounting() throws Exception {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.actualPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/held HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertNotNull(held.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the request reached its route");
            assertEquals(1, inFlight.inFlight());
        }
        await(() -> inFlight.inFlight() == 0, "the abandoned request no longer counts");
        assertEquals(0, inFlight.inFlight());
    }

    @Test
    void requestsOutsideTheApiAreNotCounted() throws Exception {
        var response = client.send(get("/index.html"), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals(0, inFlight.inFlight());
        // the same router counts /api requests: the zero above is not an idle counter
        var answer = client.sendAsync(get("/api/held"), HttpResponse.BodyHandlers.ofString());
        RoutingContext ctx = held.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(ctx);
        assertEquals(1, inFlight.inFlight());
        ctx.response().end();
        answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).GET().build();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }
}

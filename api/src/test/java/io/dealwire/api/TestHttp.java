package io.dealwire.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny HTTP client for API tests: JSON in, status and JSON out. */
public final class TestHttp {
    // patient: a timeout here fails the test (inside an await too), and a loaded CI machine can be slow to answer
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final String base;
    private final String token;

    public TestHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * Asks until an answer is a 200 that {@code done} accepts, and returns it; after {@code within} the test fails
     * with the last answer. The deadline only catches a hang: a slow machine must never reach it.
     */
    public static Reply await(Duration within, java.util.function.Supplier<Reply> call, java.util.function.Predicate<Reply> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (last.status() == 200 && done.test(last)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError("not reached within " + within.toSeconds() + " s; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    public static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    public Reply getAnonymous(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    public Reply patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), true);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), true);
    }

    public Reply send(HttpRequest.Builder builder, boolean auth) {
        if (auth) builder.header("Authorization", "Bearer " + token);
        try {
            var r = client.send(builder.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

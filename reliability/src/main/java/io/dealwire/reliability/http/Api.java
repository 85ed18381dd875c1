package io.dealwire.reliability.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client of the Dealwire API with the admin token. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status, Retry-After header (or null), body as JSON (missing when not JSON), time taken. */
    public record Reply(int status, String retryAfter, JsonNode body, Duration elapsed) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public boolean healthy() {
        try {
            return get("/api/health", Duration.ofSeconds(2)).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public Reply get(String path, Duration timeout) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), timeout);
    }

    public Reply post(String path, Object body, Duration timeout) throws IOException {
        var text = body == null ? "" : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)), timeout);
    }

    private Reply send(HttpRequest.Builder request, Duration timeout) throws IOException {
        long t0 = System.nanoTime();
        try {
            var response = client.send(request.header("Authorization", "Bearer " + token).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                body = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), body,
                    Duration.ofNanos(System.nanoTime() - t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

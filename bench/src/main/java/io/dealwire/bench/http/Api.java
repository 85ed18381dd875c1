package io.dealwire.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A Dealwire API on loopback, called with the admin token. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;
    private final String token;

    public Api(int port, String token) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** Thrown when the API answers with an error status. */
    public static final class ApiCallException extends IOException {
        public ApiCallException(String message) {
            super(message);
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public HttpRequest getRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return send(getRequest(pathAndQuery));
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    }

    /**
     * Waits until the index is ready and no mailbox is syncing (each one idle, paused or in error), and says how
     * long that took. A service started on an ingested data dir first checks every folder of its mailboxes (869
     * for Enron): latencies measured meanwhile are those of a service under sync, not of an idle one.
     */
    public void awaitSettled(Duration max) throws IOException, InterruptedException {
        long start = System.nanoTime(), deadline = start + max.toNanos();
        while (System.nanoTime() < deadline) {
            var health = get("/api/health");
            boolean syncing = false;
            for (var it = health.path("mailboxes").fields(); it.hasNext(); ) {
                var state = it.next();
                if (!SETTLED.contains(state.getKey()) && state.getValue().asLong() > 0) syncing = true;
            }
            if (!syncing && "ready".equals(health.path("index").path("state").asText())) {
                System.out.printf("# service settled (index ready, no mailbox syncing) %.1f s after start of the wait%n", (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException("the service did not settle (index ready, no mailbox syncing) within " + max.toSeconds() + " s");
    }

    private static final java.util.Set<String> SETTLED = java.util.Set.of("idle", "paused", "error");

    /** Sends a request and returns the raw status (for load drivers: no JSON parsing on the hot path). */
    public int status(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300)
            throw new ApiCallException(request.method() + " " + request.uri() + " -> " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }
}

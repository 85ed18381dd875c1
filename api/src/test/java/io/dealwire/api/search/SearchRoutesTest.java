package io.dealwire.api.search;

import io.dealwire.api.TestHttp;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/search} as a client sees it: the answer is JSON encoded beside the search and sent as such,
 * with the headers every answer carries; a malformed query is a 400 that says where.
 */
class SearchRoutesTest {
    private static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void answersJsonAndSaysWhereAQueryIsMalformed() throws Exception {
        try (var app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1))) {
            var http = new TestHttp(app.port(), TOKEN);

            var answer = http.get("/api/search?q=" + TestHttp.q("quote from:dana@acme.example"));
            assertEquals(200, answer.status(), answer.body());
            assertEquals("application/json", answer.raw().headers().firstValue("content-type").orElse(""));
            assertEquals(0, answer.json().path("total").asLong(), answer.body());
            assertTrue(answer.json().path("hits").isArray(), answer.body());
            assertTrue(answer.json().path("facets").isObject(), answer.body());
            assertTrue(answer.raw().headers().firstValue("x-content-type-options").isPresent(), "the security headers: " + answer.raw().headers());

            var malformed = http.get("/api/search?q=" + TestHttp.q("OR pipeline"));
            assertEquals(400, malformed.status(), malformed.body());
            assertTrue(malformed.body().contains("malformed at position"), malformed.body());

            assertEquals(400, http.get("/api/search?q=x&sort=size").status());
        }
    }
}

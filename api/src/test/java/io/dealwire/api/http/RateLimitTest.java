package io.dealwire.api.http;

import io.dealwire.api.TestHttp;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RateLimitTest {
    private static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        try (var app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of(), 1, 5))) {
            var http = new TestHttp(app.port(), TOKEN);
            int ok = 0, limited = 0;
            TestHttp.Reply last429 = null;
            // until the first refusal rather than a fixed count: on a loaded machine requests can come slowly
            // enough that the bucket refills between some of them, so a fixed count might never exceed the limit
            for (int i = 0; i < 2000 && limited == 0; i++) {
                var r = http.get("/api/me");
                if (r.status() == 200) ok++;
                if (r.status() == 429) {
                    limited++;
                    last429 = r;
                }
            }
            assertTrue(ok >= 10, "the burst is served: " + ok);
            assertTrue(limited > 0, "the flood is limited");
            assertEquals("1", last429.raw().headers().firstValue("Retry-After").orElse(""));
            assertTrue(last429.body().contains("requests a second"), last429.body());
            assertEquals(200, http.getAnonymous("/api/health").status(), "another client (no token) is still served");
            Thread.sleep(1200);
            assertEquals(200, http.get("/api/me").status(), "the client is served again after Retry-After");
        }
    }
}

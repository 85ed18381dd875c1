package io.dealwire.api.app;

import io.dealwire.api.TestHttp;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The service as an operator runs it: a separate process, configured by environment, stopped by SIGTERM. */
class ServiceProcessTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final java.util.regex.Pattern LISTENING = java.util.regex.Pattern.compile("Dealwire listening on http://[^/]*:(\\d+)/");

    @TempDir
    Path dataDir;

    private Process start(Map<String, String> env, Path log) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.dealwire.api.Main", "serve"));
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DEALWIRE_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void sigtermStopsCleanlyAndTheDataSurvives() throws Exception {
        var log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        // port 0: the service picks a free port and logs it (a port picked here could be taken before it binds)
        var process = start(Map.of("DEALWIRE_DATA_DIR", dataDir.toString(), "DEALWIRE_HTTP_PORT", "0",
                "DEALWIRE_BOOTSTRAP_TOKEN", TOKEN), log);
        try {
            // generous: a JVM starting on a loaded machine; the deadline only catches a service that never comes up
            var deadline = Instant.now().plus(Duration.ofSeconds(180));
            int port = 0;
            while (Instant.now().isBefore(deadline) && port == 0 && process.isAlive()) {
                var listening = LISTENING.matcher(Files.readString(log));
                if (listening.find()) port = Integer.parseInt(listening.group(1));
                else Thread.sleep(200);
            }
            assertTrue(port > 0, "the service logs the port it listens on; log:\n" + Files.readString(log));
            var http = new TestHttp(port, TOKEN);
            int health = 0;
            while (Instant.now().isBefore(deadline) && health != 200) {
                try {
                    health = http.getAnonymous("/api/health").status();
                } catch (AssertionError notYet) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, health, "the service answers /api/health; log:\n" + Files.readString(log));
            var created = http.post("/api/users", "{\"name\":\"Rita\",\"email\":\"rita@northwind.example\",\"role\":\"rep\"}");
            assertEquals(201, created.status(), created.body());
        } finally {
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the service stops after SIGTERM");
        }
        var output = Files.readString(log);
        assertTrue(output.contains("Dealwire stopped; store and index committed"), output);
        assertFalse(output.contains("Exception"), output);

        try (var app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of(), 1))) {
            assertTrue(app.store().users().findByEmail("rita@northwind.example").isPresent(), "a write acknowledged before SIGTERM is kept");
        }
    }

    @Test
    void aBadValueStopsTheStartWithAMessageNamingTheKey() throws Exception {
        var log = dataDir.resolveSibling(dataDir.getFileName() + "-bad.log");
        var process = start(Map.of("DEALWIRE_DATA_DIR", dataDir.toString(), "DEALWIRE_HTTP_PORT", "eighty"), log);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        var output = Files.readString(log);
        assertTrue(output.contains("configuration error: DEALWIRE_HTTP_PORT (http.port): 'eighty' is not a port number"), output);
    }
}

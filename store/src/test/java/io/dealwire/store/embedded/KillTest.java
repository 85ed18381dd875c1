package io.dealwire.store.embedded;

import io.dealwire.store.StoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A real SIGKILL of a process that committed: everything up to its commit is there after a restart. */
class KillTest {
    @TempDir
    Path dataDir;

    @Test
    void everythingCommittedSurvivesASigkill() throws Exception {
        int n = 2000;
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KilledWriter.class.getName());
        command.add(dataDir.toString());
        command.add(Integer.toString(n));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.equals("WROTE MORE")) break;
            }
            assertTrue(output.toString().contains("COMMITTED " + n), output.toString());
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no commit
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        try (var store = StoreFactory.open(null, dataDir)) {
            for (int i = 0; i < n; i++) assertTrue(store.messages().find("m" + i).isPresent(), "m" + i + " lost");
            long count = store.messages().count();
            assertTrue(count >= n && count <= n + 500, "count " + count);
            assertTrue(store.messages().lastSeq() >= count);
            System.out.println("after SIGKILL: " + count + " messages kept of " + n + " committed and " + (n + 500) + " acknowledged");
        }
    }
}

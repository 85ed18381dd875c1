package io.dealwire.bench.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Dealwire service as a child process ({@code java -jar dealwire.jar serve}) on a given data dir and
 * port, with its log in a file; stopped with SIGTERM so store and index are committed.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String TOKEN = "bench-admin-token-0123456789abcdef";
    /** Opening the whole Enron corpus's store takes over a minute on a busy 2-core machine. */
    private static final int START_SECONDS = 300;

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Thrown when the service does not come up; the log file says why. */
    public static final class StartException extends IOException {
        public StartException(String message) {
            super(message);
        }
    }

    /**
     * @param jvmArgs extra JVM arguments (heap, flight recording)
     */
    public static ServiceProcess start(Path java, Path jar, Path dataDir, int port, List<String> jvmArgs, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "serve"));
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        var env = pb.environment();
        env.put("DEALWIRE_DATA_DIR", dataDir.toString());
        env.put("DEALWIRE_HTTP_PORT", Integer.toString(port));
        env.put("DEALWIRE_BOOTSTRAP_TOKEN", TOKEN);
        env.put("DEALWIRE_OWN_DOMAINS", "enron.com");
        // the benchmark's clients all use one token: the per-client limit would turn 16 or 32 of them into 429s
        env.put("DEALWIRE_HTTP_RATE_LIMIT", "0");
        var service = new ServiceProcess(pb.start(), port);
        // a benchmark stopped with SIGTERM or Ctrl-C stops its service too
        Runtime.getRuntime().addShutdownHook(new Thread(service.process::destroy));
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!service.process.isAlive()) throw new StartException("the service exited with " + service.process.exitValue() + "; see " + log);
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return service;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        service.close();
        throw new StartException("the service did not answer /api/health within " + START_SECONDS + " s; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** CPU time the service has used so far, user and system, in nanoseconds; -1 when unknown. */
    public long cpuNanos() {
        return cpuNanos(process.pid());
    }

    /** CPU time a process has used so far, user and system (from /proc: clock ticks of 10 ms), in nanoseconds; -1 when unknown. */
    public static long cpuNanos(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold blanks: count fields after its closing parenthesis
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set size so far (VmHWM), in MiB. */
    public double peakRssMiB() {
        return statusKiB("VmHWM:") / 1024.0;
    }

    public double rssMiB() {
        return statusKiB("VmRSS:") / 1024.0;
    }

    private long statusKiB(String field) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

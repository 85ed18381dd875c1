package io.dealwire.reliability.service;

import io.dealwire.reliability.http.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Dealwire service jar run as a child process, the way an operator runs it. Every start appends to one
 * log file so a scenario's whole history (kills included) can be read afterwards.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Path jar;
    private final Path log;
    private final Map<String, String> env;
    private final Api api;
    private Process process;
    private int starts;

    public ServiceProcess(Path jar, Path log, Map<String, String> env, Api api) {
        this.jar = jar;
        this.log = log;
        this.env = new HashMap<>(env);
        this.api = api;
    }

    public Api api() {
        return api;
    }

    public Path log() {
        return log;
    }

    public int starts() {
        return starts;
    }

    /** Starts the service and waits until {@code /api/health} answers. */
    public Duration start(Duration timeout) {
        if (process != null && process.isAlive()) throw new IllegalStateException("the service is already running");
        long t0 = System.nanoTime();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Xmx1g", "-jar", jar.toString(), "serve");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n==== start " + (++starts) + " ====\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar + ": " + e.getMessage(), e);
        }
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting; see " + log);
            if (api.healthy()) return Duration.ofNanos(System.nanoTime() - t0);
            sleep(200);
        }
        throw new IllegalStateException("the service did not answer /api/health within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        if (process == null) return;
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
        process = null;
    }

    /** SIGTERM and wait for the graceful stop; a service that does not stop in time is killed and reported. */
    public boolean stop(Duration timeout) {
        if (process == null) return true;
        process.destroy();
        boolean clean = waitFor(timeout);
        if (!clean) process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
        process = null;
        return clean;
    }

    /** The running service's process id (for memory figures). */
    public long pid() {
        if (process == null) throw new IllegalStateException("the service is not running");
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (alive()) stop(Duration.ofSeconds(60));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

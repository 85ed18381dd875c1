package io.dealwire.bench.search;

import io.dealwire.bench.stats.Latencies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a peer's command-line search repeatedly and times each run from spawn to exit. */
final class CommandTimer {
    private CommandTimer() {
    }

    /** Thrown when the peer fails (an exit status other than "found" or "nothing found"). */
    static final class CommandFailedException extends IOException {
        CommandFailedException(String message) {
            super(message);
        }
    }

    static Latencies time(List<String> command, Map<String, String> env, int warmup, int runs, Path log) throws IOException, InterruptedException {
        var nanos = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            int exit = pb.start().waitFor();
            long dt = System.nanoTime() - t0;
            // mu find exits with 4 when nothing matches: a valid answer
            if (exit != 0 && exit != 4) throw new CommandFailedException(String.join(" ", command) + " exited with " + exit + "; see " + log);
            if (i >= warmup) nanos[i - warmup] = dt;
        }
        return Latencies.of(nanos, runs);
    }

    static String output(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        var p = pb.start();
        var out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}

package io.dealwire.bench.context;

import io.dealwire.bench.cli.Args;
import io.dealwire.bench.http.Api;
import io.dealwire.bench.service.ServiceProcess;
import io.dealwire.bench.stats.LoadDriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/context?email=} under 32 concurrent clients on the ingested Enron corpus, for the most
 * frequent correspondents (by From header): the busiest outside enron.com and the busiest overall.
 */
public final class ContextBench {

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var java = args.path("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var jar = args.path("jar");
        var work = args.path("work");
        var maildir = args.path("maildir");
        int httpPort = args.integer("http-port", 18082);
        int clients = args.integer("clients", 32);
        int requests = args.integer("requests", 20_000);
        int seconds = args.integer("seconds", 60);
        var jfr = args.get("jfr", "");

        var senders = frequentSenders(maildir);
        var external = senders.stream().filter(s -> !s.getKey().endsWith("@enron.com")).findFirst().orElseThrow();
        var overall = senders.getFirst();
        var emails = List.of(external, overall);

        var data = work.resolve("data");
        if (!Files.isDirectory(data)) throw new IOException("run bench/ingest.sh first: no " + data);
        var jvm = new ArrayList<>(List.of("-Xmx512m"));
        if (!jfr.isEmpty()) jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        var lines = new ArrayList<String>();
        try (var service = ServiceProcess.start(java, jar, data, httpPort, jvm, work.resolve("service-context.log"))) {
            var api = new Api(httpPort, ServiceProcess.TOKEN);
            for (var e : emails) {
                var path = "/api/context?email=" + Api.encode(e.getKey());
                var answer = api.get(path);
                var request = api.getRequest(path);
                LoadDriver.run(api, List.of(request), clients, Math.max(500, requests / 10), Duration.ofSeconds(seconds / 3), () -> true);
                var run = LoadDriver.run(api, List.of(request), clients, requests, Duration.ofSeconds(seconds), () -> true);
                lines.add(String.format("%-40s %6d sent  %7d  %8.1f  %8.1f  %8.1f  %7.0f  %d   (answer %d bytes, %d deals)",
                        e.getKey(), e.getValue(), run.latencies().count(), run.latencies().p50(), run.latencies().p99(),
                        run.latencies().maxMillis(), run.throughput(), run.errors(), answer.toString().length(), answer.path("deals").size()));
            }
            System.out.println();
            System.out.printf("Context, %s, %d cores, %d concurrent clients, -Xmx512m, service RSS %.0f MiB%n",
                    Instant.now(), Runtime.getRuntime().availableProcessors(), clients, service.rssMiB());
            System.out.printf("%-40s %11s  %7s  %8s  %8s  %8s  %7s  %s%n", "email", "mail", "requests", "p50 ms", "p99 ms", "max ms", "req/s", "errors");
            lines.forEach(System.out::println);
        }
    }

    /** From addresses by number of messages, most frequent first. */
    static List<Map.Entry<String, Integer>> frequentSenders(Path maildir) throws IOException {
        var counts = new HashMap<String, Integer>();
        List<Path> files;
        try (var walk = Files.walk(maildir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("cur")).toList();
        }
        for (var f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                String line;
                while ((line = r.readLine()) != null && !line.isEmpty()) {
                    if (line.regionMatches(true, 0, "From:", 0, 5)) {
                        var from = line.substring(5).trim().toLowerCase(Locale.ROOT);
                        int lt = from.indexOf('<'), gt = from.indexOf('>');
                        if (lt >= 0 && gt > lt) from = from.substring(lt + 1, gt);
                        if (from.contains("@")) counts.merge(from, 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
    }
}

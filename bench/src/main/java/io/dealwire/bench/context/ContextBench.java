package io.dealwire.bench.context;

import io.dealwire.bench.cli.Args;
import io.dealwire.bench.http.Api;
import io.dealwire.bench.http.KeepAliveConnection;
import io.dealwire.bench.service.ServiceProcess;
import io.dealwire.bench.stats.KeepAliveLoad;
import io.dealwire.bench.stats.LoadDriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code GET /api/context?email=} under 32 concurrent clients on the ingested Enron corpus, for three kinds of
 * correspondent (by From header): the busiest outside enron.com, the busiest outside enron.com that has a deal,
 * and the busiest overall. Prints p50/p99 per kind and the CPU the service and the clients spent per request.
 */
public final class ContextBench {
    /** How many external senders, most frequent first, are asked for their context to find one with a deal. */
    private static final int DEAL_PROBES = 500;

    private record Kind(String label, String email, int sent) {
    }

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
        // keepalive: one plain HTTP/1.1 connection per client (little CPU); jdk: java.net.http, as before session 3
        var clientKind = args.get("client", "keepalive");
        if (!clientKind.equals("keepalive") && !clientKind.equals("jdk")) throw new IllegalArgumentException("--client is keepalive or jdk");

        var senders = frequentSenders(maildir);
        var externals = senders.stream().filter(s -> !s.getKey().endsWith("@enron.com")).toList();
        var external = externals.stream().findFirst().orElseThrow();
        var overall = senders.getFirst();

        // --pid: measure a service already running on --http-port (started by hand, e.g. under a profiler)
        long pid = Long.parseLong(args.get("pid", "0"));
        if (pid > 0) {
            measure(new Api(httpPort, ServiceProcess.TOKEN), httpPort, () -> ServiceProcess.cpuNanos(pid), -1, clientKind, clients, requests, seconds,
                    external, overall, externals);
            return;
        }
        var data = work.resolve("data");
        if (!Files.isDirectory(data)) throw new IOException("run bench/ingest.sh first: no " + data);
        var jvm = new ArrayList<>(List.of("-Xmx512m"));
        if (!jfr.isEmpty()) jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        try (var service = ServiceProcess.start(java, jar, data, httpPort, jvm, work.resolve("service-context.log"))) {
            measure(new Api(httpPort, ServiceProcess.TOKEN), httpPort, service::cpuNanos, service.rssMiB(), clientKind, clients, requests, seconds,
                    external, overall, externals);
        }
    }

    private static void measure(Api api, int httpPort, LongSupplier serviceCpuNanos, double rssMiB, String clientKind, int clients, int requests,
                                int seconds, Map.Entry<String, Integer> external, Map.Entry<String, Integer> overall,
                                List<Map.Entry<String, Integer>> externals) throws IOException, InterruptedException {
        api.awaitSettled(Duration.ofMinutes(10));
        var lines = new ArrayList<String>();
        var client = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        var kinds = new ArrayList<Kind>();
        kinds.add(new Kind("external", external.getKey(), external.getValue()));
        withDeal(api, externals).ifPresentOrElse(e -> kinds.add(new Kind("external, deal", e.getKey(), e.getValue())),
                () -> System.out.println("# none of the " + DEAL_PROBES + " most frequent external senders has a deal"));
        kinds.add(new Kind("overall", overall.getKey(), overall.getValue()));
        var loads = new ArrayList<Load>();
        for (var k : kinds) {
            var path = "/api/context?email=" + Api.encode(k.email());
            var request = api.getRequest(path);
            var raw = KeepAliveConnection.get(httpPort, path, ServiceProcess.TOKEN);
            loads.add((max, time) -> clientKind.equals("jdk")
                    ? LoadDriver.run(api, List.of(request), clients, max, time, () -> true)
                    : KeepAliveLoad.run(httpPort, raw, clients, max, time));
        }
        // Every kind is warmed up as long as it is measured, before any is measured: a service a minute old is
        // still compiling the paths the kinds share, and the first kind measured after a short warm-up paid ~4x the
        // service CPU per request of the same kind measured again a minute later (300 against 67 µs).
        for (var load : loads) load.run(requests, Duration.ofSeconds(seconds));
        for (int i = 0; i < kinds.size(); i++) {
            var k = kinds.get(i);
            var load = loads.get(i);
            var answer = api.get("/api/context?email=" + Api.encode(k.email()));
            load.run(Math.max(500, requests / 10), Duration.ofSeconds(seconds / 3));
            double loadAverage = loadAverage();
            long serviceCpu = serviceCpuNanos.getAsLong(), clientCpu = client.getProcessCpuTime();
            var run = load.run(requests, Duration.ofSeconds(seconds));
            long n = Math.max(1, run.latencies().count() + run.errors());
            double serviceUs = (serviceCpuNanos.getAsLong() - serviceCpu) / 1e3 / n, clientUs = (client.getProcessCpuTime() - clientCpu) / 1e3 / n;
            lines.add(String.format("%-15s %-36s %5d sent  %7d  %7.1f  %7.1f  %7.1f  %6.0f  %6.0f  %6.0f  %4.1f  %d   (answer %d bytes, %d deals)",
                    k.label(), k.email(), k.sent(), run.latencies().count(), run.latencies().p50(), run.latencies().p99(),
                    run.latencies().maxMillis(), run.throughput(), serviceUs, clientUs, loadAverage, run.errors(),
                    answer.toString().length(), answer.path("deals").size()));
        }
        System.out.println();
        System.out.printf("Context, %s, %d cores, %d concurrent clients (%s), -Xmx512m, service RSS %.0f MiB%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), clients,
                clientKind.equals("jdk") ? "java.net.http" : "one kept-alive HTTP/1.1 connection each", rssMiB);
        System.out.printf("%-15s %-36s %10s  %7s  %7s  %7s  %7s  %6s  %6s  %6s  %4s  %s%n", "kind", "email", "mail", "requests",
                "p50 ms", "p99 ms", "max ms", "req/s", "svc µs", "cli µs", "load", "errors");
        lines.forEach(System.out::println);
        System.out.println("(svc µs, cli µs: CPU time of the service and of this driver's clients per request; load: 1-minute load average before the run)");
    }

    /** One closed-loop run of the chosen client. */
    private interface Load {
        LoadDriver.Run run(int maxRequests, Duration maxTime) throws InterruptedException;
    }

    /** The most frequent external sender whose context holds a deal, among the first {@link #DEAL_PROBES}. */
    static Optional<Map.Entry<String, Integer>> withDeal(Api api, List<Map.Entry<String, Integer>> externals) throws IOException, InterruptedException {
        for (var e : externals.subList(0, Math.min(DEAL_PROBES, externals.size()))) {
            if (api.get("/api/context?email=" + Api.encode(e.getKey())).path("deals").size() > 0) return Optional.of(e);
        }
        return Optional.empty();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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

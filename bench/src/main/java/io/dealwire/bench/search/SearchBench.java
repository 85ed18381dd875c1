package io.dealwire.bench.search;

import io.dealwire.bench.cli.Args;
import io.dealwire.bench.fs.Trees;
import io.dealwire.bench.stats.StopTheWorld;
import io.dealwire.bench.http.Api;
import io.dealwire.bench.imap.RawFetch;
import io.dealwire.bench.ingest.MailboxRun;
import io.dealwire.bench.service.ServiceProcess;
import io.dealwire.bench.stats.Latencies;
import io.dealwire.bench.stats.LoadDriver;
import io.dealwire.bench.http.KeepAliveConnection;
import io.dealwire.bench.stats.KeepAliveLoad;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search benchmark on the corpus the ingest benchmark stored: four queries restricted to January–June 2001,
 * over HTTP with snippets and facets, against mu and notmuch on the same Maildir in the same run; then 16
 * concurrent searchers, idle and while another mailbox is ingested; then index sizes against the corpus.
 */
public final class SearchBench {
    /** One query in each tool's syntax. */
    record Query(String label, String dealwire, String mu, String notmuch) {
    }

    static final List<Query> QUERIES = List.of(
            new Query("pipeline", "pipeline after:2001-01-01 before:2001-07-01",
                    "pipeline date:20010101..20010630", "pipeline date:2001-01-01..2001-06-30"),
            new Query("from:jeff.dasovich@enron.com", "from:jeff.dasovich@enron.com after:2001-01-01 before:2001-07-01",
                    "from:jeff.dasovich@enron.com date:20010101..20010630", "from:jeff.dasovich@enron.com date:2001-01-01..2001-06-30"),
            new Query("\"natural gas\"", "\"natural gas\" after:2001-01-01 before:2001-07-01",
                    "\"natural gas\" date:20010101..20010630", "\"natural gas\" date:2001-01-01..2001-06-30"),
            new Query("subject:contract", "subject:contract after:2001-01-01 before:2001-07-01",
                    "subject:contract date:20010101..20010630", "subject:contract date:2001-01-01..2001-06-30"));

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        var java = args.path("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var jar = args.path("jar");
        var work = args.path("work");
        var maildir = args.path("maildir");
        int httpPort = args.integer("http-port", 18081);
        int ingestImapPort = args.integer("ingest-imap-port", 10144);
        int runs = args.integer("runs", 200);
        int limit = args.integer("limit", 20);
        var jfr = args.get("jfr", "");
        int underIngestSeconds = args.integer("under-ingest-seconds", 120);
        int idleRounds = Math.max(1, args.integer("idle-rounds", 2));
        // A long-running service is measured warm, as the context bench does: the search path's code is still being
        // compiled for thousands of requests after a start (C2 took half the service's CPU over requests 1,000-2,000
        // of `pipeline`). Each query's first runs are measured and printed too.
        int warmUpSeconds = args.integer("warm-up-seconds", 60);
        // keepalive: one plain HTTP/1.1 connection per client (little CPU); jdk: java.net.http, as before session 3
        var clientKind = args.get("client", "keepalive");

        var peers = new Peers(work, maildir);
        peers.prepare();

        // a copy, so that the mailbox ingested under load does not change the next run's corpus
        var data = work.resolve("data-search");
        Trees.delete(data);
        if (!Files.isDirectory(work.resolve("data"))) throw new IOException("run bench/ingest.sh first: no " + work.resolve("data"));
        run(List.of("cp", "-a", work.resolve("data").toString(), data.toString()));

        // the service's stop-the-world pauses, read against each concurrent run's latencies
        var jvmLog = work.resolve("service-search-jvm.log");
        Files.deleteIfExists(jvmLog);
        var jvm = new ArrayList<>(List.of("-Xmx512m", StopTheWorld.jvmArg(jvmLog)));
        if (!jfr.isEmpty()) jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        var results = new LinkedHashMap<Query, Latencies[]>();
        // each query's first runs after the service started, while the JIT still compiles the search path
        var cold = new LinkedHashMap<Query, Latencies>();
        // the first concurrent run follows the single-client ones: a second one tells a warm-up from a steady cost
        var idleRuns = new ArrayList<LoadDriver.Run>();
        var idlePauses = new ArrayList<StopTheWorld.Summary>();
        LoadDriver.Run ingest16;
        StopTheWorld.Summary ingestPauses;
        MailboxRun.Progress ingestProgress;
        MailboxRun.Done ingestDone = null;
        try (var service = ServiceProcess.start(java, jar, data, httpPort, jvm, work.resolve("service-search.log"))) {
            var api = new Api(httpPort, ServiceProcess.TOKEN);
            api.awaitSettled(Duration.ofMinutes(10));
            var requests = new ArrayList<HttpRequest>();
            var raws = new ArrayList<byte[]>();
            Load load = (list, rawList, clients, max, time, keepGoing) -> clientKind.equals("jdk")
                    ? LoadDriver.run(api, list, clients, max, time, keepGoing)
                    : KeepAliveLoad.run(httpPort, rawList, clients, max, time, keepGoing);
            for (var q : QUERIES) {
                var request = api.getRequest("/api/search?limit=" + limit + "&q=" + Api.encode(q.dealwire()));
                requests.add(request);
                var raw = KeepAliveConnection.get(httpPort, "/api/search?limit=" + limit + "&q=" + Api.encode(q.dealwire()), ServiceProcess.TOKEN);
                raws.add(raw);
                var answer = api.get("/api/search?limit=" + limit + "&q=" + Api.encode(q.dealwire()));
                System.out.printf("%-32s Dealwire total %6d, %d hits, facets %s, first snippet: %s%n", q.label(), answer.path("total").asLong(),
                        answer.path("hits").size(), fieldNames(answer.path("facets")), abbreviate(answer.path("hits").path(0).path("snippet").asText()));
                System.out.printf("%-32s mu %s, notmuch %s messages%n", "", peers.muCount(q.mu()), peers.notmuchCount(q.notmuch()));
                var first = load.run(List.of(request), List.of(raw), 1, runs, Duration.ofMinutes(5), () -> true);
                if (first.errors() > 0) System.out.printf("  %d errors%n", first.errors());
                cold.put(q, first.latencies());
            }
            var warmUp = load.run(requests, raws, 1, 1_000_000, Duration.ofSeconds(warmUpSeconds), () -> true);
            System.out.printf("warm-up: the four queries in turn, %d requests in %.1f s, %d errors%n",
                    warmUp.latencies().count(), warmUp.seconds(), warmUp.errors());
            for (var q : QUERIES) {
                int i = QUERIES.indexOf(q);
                var measured = load.run(List.of(requests.get(i)), List.of(raws.get(i)), 1, runs, Duration.ofMinutes(5), () -> true);
                if (measured.errors() > 0) System.out.printf("  %d errors%n", measured.errors());
                var mu = peers.timeMu(q.mu(), runs);
                var notmuch = peers.timeNotmuch(q.notmuch(), runs);
                results.put(q, new Latencies[]{measured.latencies(), mu, notmuch});
            }

            for (int round = 0; round < idleRounds; round++) {
                var from = Instant.now();
                idleRuns.add(load.run(requests, raws, 16, 1_000_000, Duration.ofSeconds(20), () -> true));
                idlePauses.add(StopTheWorld.within(jvmLog, from, Instant.now()));
            }
            var folders = RawFetch.folders("127.0.0.1", ingestImapPort, "enron", "enron");
            var mailbox = MailboxRun.add(api, "under-load", "127.0.0.1", ingestImapPort, "enron", "enron", folders);
            final MailboxRun.Done[] done = new MailboxRun.Done[1];
            var watcher = Thread.ofVirtual().start(() -> {
                try {
                    done[0] = mailbox.await(1800, folders.size(), 200, () -> { });
                } catch (Exception e) {
                    System.err.println("the mailbox ingested under load did not finish: " + e.getMessage());
                }
            });
            var ingestFrom = Instant.now();
            ingest16 = load.run(requests, raws, 16, 1_000_000, Duration.ofSeconds(underIngestSeconds), () -> !mailbox.finished());
            ingestPauses = StopTheWorld.within(jvmLog, ingestFrom, Instant.now());
            ingestProgress = mailbox.progress();
            watcher.join(Duration.ofSeconds(1)); // the ingest may go on: the service is stopped with it
            ingestDone = done[0];
        }

        long corpusBytes = Trees.bytes(maildir);
        long indexBytes = Trees.bytes(data.resolve("index"));
        System.out.println();
        System.out.printf("Search, %s, %d cores, %d runs per query once the four ran in turn for %d s, limit %d, snippets and facets, Jan–Jun 2001, %s client%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), runs, warmUpSeconds, limit,
                clientKind.equals("jdk") ? "java.net.http" : "kept-alive HTTP/1.1");
        System.out.printf("%-32s %17s %17s %17s %12s %12s%n", "query", "Dealwire p50/p99", "mu p50/p99", "notmuch p50/p99", "mu/Dealwire", "nm/Dealwire");
        for (var e : results.entrySet()) {
            var l = e.getValue();
            System.out.printf("%-32s %8.1f/%-8.1f %8.1f/%-8.1f %8.1f/%-8.1f %11.1fx %11.1fx%n", e.getKey().label(),
                    l[0].p50(), l[0].p99(), l[1].p50(), l[1].p99(), l[2].p50(), l[2].p99(), l[1].p50() / l[0].p50(), l[2].p50() / l[0].p50());
        }
        System.out.println("(ms; mu and notmuch timed from process spawn to exit, as a user runs them)");
        for (var e : cold.entrySet())
            System.out.printf("%-32s first %d runs after the start: p50 %.1f ms, p99 %.1f ms%n", e.getKey().label(), runs, e.getValue().p50(), e.getValue().p99());
        for (int round = 0; round < idleRuns.size(); round++) {
            var idle16 = idleRuns.get(round);
            System.out.printf("16 concurrent searchers, idle (run %d):  %d queries in %.1f s, p50 %.1f ms, p99 %.1f ms, %.0f q/s, %d errors%n",
                    round + 1, idle16.latencies().count(), idle16.seconds(), idle16.latencies().p50(), idle16.latencies().p99(), idle16.throughput(), idle16.errors());
            System.out.printf("  service pauses: %s%n", idlePauses.get(round));
        }
        System.out.printf("16 concurrent searchers, under ingest:  %d queries in %.1f s, p50 %.1f ms, p99 %.1f ms, %.0f q/s, %d errors%n",
                ingest16.latencies().count(), ingest16.seconds(), ingest16.latencies().p50(), ingest16.latencies().p99(), ingest16.throughput(), ingest16.errors());
        System.out.printf("  service pauses: %s%n", ingestPauses);
        if (ingestDone != null)
            System.out.printf("  the mailbox ingested meanwhile: %d messages stored in %.1f s (%.0f msgs/s), indexed at %.1f s%n",
                    ingestDone.folderMessages(), ingestDone.storedSeconds(), ingestDone.folderMessages() / ingestDone.storedSeconds(), ingestDone.indexedSeconds());
        else System.out.printf("  the mailbox was still being ingested when the searchers stopped: %d of %d messages stored in %.1f s (%.0f msgs/s)%n",
                ingestProgress.done(), ingestProgress.total(), ingest16.seconds(), ingestProgress.done() / ingest16.seconds());
        long ingestedIndexBytes = Trees.bytes(work.resolve("data").resolve("index"));
        System.out.printf("index size for the same mail: Dealwire %.1f MB = %.2fx the corpus's %.1f MB, mu %.2fx, notmuch %.2fx"
                        + " (Dealwire's index after the load test, linux-mips mail included: %.1f MB)%n",
                ingestedIndexBytes / 1e6, ingestedIndexBytes / (double) corpusBytes, corpusBytes / 1e6,
                peers.muBytes() / (double) corpusBytes, peers.notmuchBytes() / (double) corpusBytes, indexBytes / 1e6);
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        var p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed");
    }

    /** mu and notmuch on the extracted Maildir, each indexed once (timed) into the work dir. */
    static final class Peers {
        private final Path muHome;
        private final Path notmuchConfig;
        private final Path notmuchDb;
        private final Path maildir;
        private final Path log;

        Peers(Path work, Path maildir) {
            // one index per Maildir: the whole corpus and a subset (MAX_MESSAGES) are kept apart
            var peers = work.resolve("peers").resolve(maildir.getParent().getFileName().toString());
            this.muHome = peers.resolve("mu");
            this.notmuchDb = peers.resolve("notmuch-db");
            this.notmuchConfig = peers.resolve("notmuch-config");
            this.maildir = maildir;
            this.log = work.resolve("peers.log");
        }

        void prepare() throws IOException, InterruptedException {
            if (!Files.exists(muHome.resolve(".indexed"))) {
                Trees.delete(muHome);
                run(List.of("mu", "init", "--muhome=" + muHome, "--maildir=" + maildir));
                long t0 = System.nanoTime();
                run(List.of("mu", "index", "--muhome=" + muHome, "--quiet"));
                System.out.printf("mu index: %.1f s%n", (System.nanoTime() - t0) / 1e9);
                Files.createFile(muHome.resolve(".indexed"));
            }
            if (!Files.exists(notmuchDb.resolve(".indexed"))) {
                Trees.delete(notmuchDb);
                Files.createDirectories(notmuchDb);
                Files.writeString(notmuchConfig, "[database]\npath=" + notmuchDb + "\nmail_root=" + maildir
                        + "\n[new]\ntags=inbox;\n[search]\nexclude_tags=\n[maildir]\nsynchronize_flags=false\n");
                long t0 = System.nanoTime();
                var pb = new ProcessBuilder("notmuch", "new", "--quiet").inheritIO();
                pb.environment().putAll(notmuchEnv());
                if (pb.start().waitFor() != 0) throw new IOException("notmuch new failed");
                System.out.printf("notmuch new: %.1f s%n", (System.nanoTime() - t0) / 1e9);
                Files.createFile(notmuchDb.resolve(".indexed"));
            }
        }

        Map<String, String> notmuchEnv() {
            return Map.of("NOTMUCH_CONFIG", notmuchConfig.toString());
        }

        String muCount(String query) throws IOException, InterruptedException {
            return Long.toString(CommandTimer.output(List.of("mu", "find", "--muhome=" + muHome, "--fields=i", query), Map.of())
                    .lines().filter(l -> !l.isBlank() && !l.startsWith("error") && !l.startsWith("no matches")).count());
        }

        String notmuchCount(String query) throws IOException, InterruptedException {
            return CommandTimer.output(List.of("notmuch", "count", query), notmuchEnv()).trim();
        }

        Latencies timeMu(String query, int runs) throws IOException, InterruptedException {
            return CommandTimer.time(List.of("mu", "find", "--muhome=" + muHome, "--maxnum=20", query), Map.of(), runs / 5, runs, log);
        }

        Latencies timeNotmuch(String query, int runs) throws IOException, InterruptedException {
            return CommandTimer.time(List.of("notmuch", "search", "--limit=20", query), notmuchEnv(), runs / 5, runs, log);
        }

        long muBytes() throws IOException {
            return Trees.bytes(muHome);
        }

        long notmuchBytes() throws IOException {
            return Trees.bytes(notmuchDb);
        }
    }

    /** One closed loop over the chosen client: java.net.http requests or the same requests as raw HTTP/1.1 bytes. */
    private interface Load {
        LoadDriver.Run run(List<HttpRequest> requests, List<byte[]> raw, int clients, int max, Duration time, java.util.function.BooleanSupplier keepGoing)
                throws InterruptedException;
    }
}

package io.dealwire.bench.search;

import io.dealwire.bench.cli.Args;
import io.dealwire.bench.http.Api;
import io.dealwire.bench.stats.StopTheWorld;
import io.dealwire.bench.http.KeepAliveConnection;
import io.dealwire.bench.imap.RawFetch;
import io.dealwire.bench.ingest.MailboxRun;
import io.dealwire.bench.service.ServiceProcess;
import io.dealwire.bench.stats.KeepAliveLoad;
import io.dealwire.bench.stats.LoadDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SearchBench}'s Dealwire part against a service already running (given its port and pid), for
 * before/after comparisons on a shared machine: the four queries one client at a time, then 16 concurrent
 * searchers idle, optionally again under the ingest of another mailbox; each phase with the service's CPU
 * per query and the load average, so that a change is judged by its CPU as well as by latencies other
 * processes disturb.
 */
public final class SearchLoad {
    public static void main(String[] argv) throws Exception {
        var args = new Args(argv);
        int port = args.integer("http-port", 18081);
        long pid = Long.parseLong(args.require("pid"));
        int runs = args.integer("runs", 200);
        int limit = args.integer("limit", 20);
        int idleSeconds = args.integer("idle-seconds", 20);
        int idleRounds = args.integer("idle-rounds", 1);
        int underIngestSeconds = args.integer("under-ingest-seconds", 0);
        int ingestImapPort = args.integer("ingest-imap-port", 10144);
        boolean single = !"false".equals(args.get("single", "true"));
        // the service's JVM log written with StopTheWorld.jvmArg, if it was started with it
        jvmLog = args.get("jvm-log", "").isEmpty() ? null : Path.of(args.get("jvm-log", ""));

        var api = new Api(port, ServiceProcess.TOKEN);
        api.awaitSettled(Duration.ofMinutes(10));
        var raws = new ArrayList<byte[]>();
        for (var q : SearchBench.QUERIES)
            raws.add(KeepAliveConnection.get(port, "/api/search?limit=" + limit + "&q=" + Api.encode(q.dealwire()), ServiceProcess.TOKEN));

        if (single) {
            for (int i = 0; i < raws.size(); i++) {
                var raw = raws.get(i);
                KeepAliveLoad.run(port, List.of(raw), 1, runs / 5, Duration.ofMinutes(2), () -> true);
                report(SearchBench.QUERIES.get(i).label(), pid,
                        () -> KeepAliveLoad.run(port, List.of(raw), 1, runs, Duration.ofMinutes(5), () -> true));
            }
        }
        for (int r = 0; r < idleRounds; r++)
            report("16 searchers idle", pid, () -> KeepAliveLoad.run(port, raws, 16, 1_000_000, Duration.ofSeconds(idleSeconds), () -> true));
        if (underIngestSeconds > 0) {
            var folders = RawFetch.folders("127.0.0.1", ingestImapPort, "enron", "enron");
            var mailbox = MailboxRun.add(api, "under-load", "127.0.0.1", ingestImapPort, "enron", "enron", folders);
            report("16 searchers under ingest", pid,
                    () -> KeepAliveLoad.run(port, raws, 16, 1_000_000, Duration.ofSeconds(underIngestSeconds), () -> !mailbox.finished()));
            var health = api.get("/api/health");
            System.out.printf("  after: index %s%n", health.path("index"));
        }
    }

    private static Path jvmLog;

    private interface Phase {
        LoadDriver.Run run() throws Exception;
    }

    private static void report(String label, long pid, Phase phase) throws Exception {
        long cpu0 = ServiceProcess.cpuNanos(pid);
        var from = java.time.Instant.now();
        var run = phase.run();
        var to = java.time.Instant.now();
        long cpu = ServiceProcess.cpuNanos(pid) - cpu0;
        var load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        var l = run.latencies();
        System.out.printf("%-28s %6d q in %5.1f s  p50 %6.1f  p99 %6.1f  max %6.1f ms  %5.0f q/s  svc CPU %5.2f ms/q  load %s %s  errors %d%n",
                label, l.count(), run.seconds(), l.p50(), l.p99(), l.maxMillis(), run.throughput(),
                cpu / 1e6 / Math.max(1, l.count()), load[0], load[1], run.errors());
        if (jvmLog != null) System.out.printf("  service pauses: %s%n", StopTheWorld.within(jvmLog, from, to));
    }
}

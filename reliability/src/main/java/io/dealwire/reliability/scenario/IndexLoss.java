package io.dealwire.reliability.scenario;

import io.dealwire.reliability.audit.StoreAudit;
import io.dealwire.reliability.report.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The index directory deleted, or its commit point overwritten with garbage, while the service is stopped: the
 * service starts, says so, rebuilds from the store and answers searches meanwhile. Starts from the synced data
 * dir the crash loop leaves (or syncs one first).
 */
public final class IndexLoss implements Scenario {
    @Override
    public String name() {
        return "index loss";
    }

    @Override
    public List<Row> run(Harness h) throws Exception {
        var server = h.inventory();
        var base = h.setup().work().resolve(CrashLoop.DIR).resolve("data");
        String id;
        if (!Files.isDirectory(base.resolve("store"))) {
            var dir = h.freshDir("index-loss-base");
            base = dir.resolve("data");
            try (var service = h.service(base, dir.resolve("service.log"), Map.of())) {
                service.start(Duration.ofMinutes(2));
                id = h.addMailbox(service.api(), h.setup().imapPort());
                if (h.waitSynced(service.api(), id, Harness.distinctMessageIds(server)) == null)
                    return List.of(Row.aborted(name(), "the first sync did not finish within " + h.setup().timeout()));
                service.stop(Duration.ofMinutes(2));
            }
        }
        var rows = new ArrayList<Row>();
        rows.add(once(h, server, base, "index deleted", index -> Harness.deleteTree(index)));
        rows.add(once(h, server, base, "index corrupted", IndexLoss::corrupt));
        return rows;
    }

    private interface Damage {
        void apply(Path indexDir) throws IOException;
    }

    private Row once(Harness h, io.dealwire.reliability.imap.ServerInventory server, Path base, String label, Damage damage) throws Exception {
        var dir = h.freshDir("index-loss-" + label.replace(' ', '-'));
        var data = dir.resolve("data");
        copyTree(base, data);
        damage.apply(data.resolve("index"));
        var findings = new ArrayList<String>();
        var notes = new ArrayList<String>();
        String id;
        Double recovered = null;
        try (var service = h.service(data, dir.resolve("service.log"), Map.of())) {
            long t0 = System.nanoTime();
            service.start(Duration.ofMinutes(2));
            var api = service.api();
            var states = new LinkedHashMap<String, Integer>();
            var searchStatuses = new LinkedHashMap<String, Integer>();
            long deadline = System.nanoTime() + h.setup().timeout().toNanos();
            long lastSeq = -1;
            while (System.nanoTime() < deadline) {
                var health = Harness.health(api);
                var state = health == null ? "no answer" : health.path("index").path("state").asText();
                states.merge(state, 1, Integer::sum);
                var search = api.get("/api/search?q=" + io.dealwire.reliability.http.Api.encode("energy"), Duration.ofSeconds(30));
                var key = search.status() + (search.retryAfter() != null ? " Retry-After " + search.retryAfter() : "")
                        + (search.ok() ? "" : " " + search.body().path("detail").asText(search.body().path("title").asText()));
                searchStatuses.merge(key, 1, Integer::sum);
                long seq = health == null ? -2 : health.path("index").path("indexedSeq").asLong(-2);
                if ("ready".equals(state) && seq == lastSeq) {
                    recovered = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                lastSeq = seq;
                Harness.sleep(250);
            }
            var mailboxes = api.get("/api/mailboxes", Duration.ofSeconds(30)).body();
            var list = mailboxes.isArray() ? mailboxes : mailboxes.path("items");
            id = list.path(0).path("id").asText();
            if (recovered == null) findings.add("the index was not ready within " + h.setup().timeout());
            notes.add("index states seen on /api/health while starting (polls): " + states);
            notes.add("GET /api/search meanwhile answered (status: count): " + searchStatuses);
            if (searchStatuses.keySet().stream().anyMatch(k -> k.startsWith("5") && !k.startsWith("503")))
                findings.add("searches during the rebuild failed with a server error: " + searchStatuses);
            if (!service.stop(Duration.ofMinutes(2))) findings.add("the service did not stop within 2 minutes of SIGTERM");
        }
        var log = Files.readString(dir.resolve("service.log"));
        boolean said = log.lines().anyMatch(l -> l.contains("rebuild") && l.contains("index"));
        if (!said) findings.add("the log does not say that the index is being rebuilt");
        else notes.add("log: " + log.lines().filter(l -> l.contains("rebuild") && l.contains("index")).findFirst().orElse("").strip());
        var audit = StoreAudit.audit(null, data, id, server);
        return Row.of(name() + ": " + label, audit, recovered, findings, notes);
    }

    /** Overwrites the newest commit point (segments_N) with garbage: Lucene cannot open the index. */
    private static void corrupt(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            var segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList();
            if (segments.isEmpty()) throw new IllegalStateException("no segments_N file to corrupt in " + index);
            for (var s : segments) Files.write(s, "this is not a Lucene commit point".getBytes());
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                var target = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

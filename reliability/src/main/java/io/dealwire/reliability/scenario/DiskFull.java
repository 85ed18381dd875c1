package io.dealwire.reliability.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.reliability.audit.StoreAudit;
import io.dealwire.reliability.report.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data dir on a small tmpfs that a ballast file fills in the middle of an ingestion: the service keeps
 * answering, no checkpoint advances while nothing can be stored, and once the ballast is removed the sync
 * finishes by itself with nothing lost. While the disk is full, {@code /api/health} answers 200 and says what is
 * degraded, and what lives in the store answers 503 with Retry-After. Needs root (mount).
 */
public final class DiskFull implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(DiskFull.class);
    private static final String SIZE = "2g";

    @Override
    public String name() {
        return "disk full";
    }

    @Override
    public List<Row> run(Harness h) throws Exception {
        var setup = h.setup();
        var server = h.inventory();
        var dir = h.freshDir("disk-full");
        var mount = dir.resolve("mnt");
        Files.createDirectories(mount);
        var mounted = run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", mount.toString());
        if (mounted != 0) return List.of(Row.aborted(name(), "cannot mount a tmpfs on " + mount + " (needs root)"));
        var data = mount.resolve("data");
        var ballast = mount.resolve("ballast");
        var findings = new ArrayList<String>();
        var notes = new ArrayList<String>();
        try {
            String id;
            Double recovered;
            try (var service = h.service(data, dir.resolve("service.log"), Map.of())) {
                service.start(Duration.ofMinutes(2));
                id = h.addMailbox(service.api(), setup.imapPort());
                Harness.sleep(3000);
                long filled = fill(ballast);
                LOG.info("disk full: {} MB of ballast, holding for {}", filled >> 20, setup.networkFault());
                Harness.sleep(2000);
                var early = Harness.mailbox(service.api(), id);
                var earlyReply = reply(service.api(), "/api/mailboxes/" + id);
                Harness.sleep(Math.max(0, setup.networkFault().toMillis() - 2000));
                var late = Harness.mailbox(service.api(), id);
                var health = service.api().get("/api/health", Duration.ofSeconds(10));
                notes.add("ballast of " + (filled >> 20) + " MB left the tmpfs full; mailbox during: "
                        + describe(early) + " -> " + describe(late) + " (GET /api/mailboxes/{id}: " + earlyReply + ")");
                notes.add("/api/health while full: " + health.status() + ", status " + health.body().path("status").asText()
                        + ", degraded " + health.body().path("degraded"));
                if (!service.alive()) findings.add("the service died while the disk was full");
                else if (health.status() != 200) findings.add("/api/health answered " + health.status() + " while the disk was full");
                else if (!"degraded".equals(health.body().path("status").asText()))
                    findings.add("/api/health said '" + health.body().path("status").asText() + "' while the disk was full");
                // the mailbox lives in the store: while the store is down it is unreadable, which must be a 503 with Retry-After
                if (early == null && !earlyReply.startsWith("503 Retry-After"))
                    findings.add("GET /api/mailboxes/{id} answered " + earlyReply + " while the disk was full, not 503 with Retry-After");
                if (early != null && late != null && checkpoints(late) > checkpoints(early)
                        && late.path("messages").asLong() == early.path("messages").asLong())
                    findings.add("sync checkpoints advanced (" + checkpoints(early) + " -> " + checkpoints(late)
                            + " UIDs) while no message could be stored");
                Files.delete(ballast);
                long t0 = System.nanoTime();
                if (!service.alive()) service.start(Duration.ofMinutes(2));
                recovered = h.waitSynced(service.api(), id, Harness.distinctMessageIds(server));
                if (recovered == null) findings.add("the sync did not finish within " + setup.timeout() + " of space returning");
                else recovered = (System.nanoTime() - t0) / 1e9;
                if (!service.stop(Duration.ofMinutes(2))) findings.add("the service did not stop within 2 minutes of SIGTERM");
            }
            var log = Files.readString(dir.resolve("service.log"));
            log.lines().filter(l -> l.contains("No space left") || l.contains("ERROR")).limit(3)
                    .forEach(l -> notes.add("log: " + l.strip()));
            var audit = StoreAudit.audit(null, data, id, server);
            return List.of(Row.of(name() + " (tmpfs " + SIZE + ", full for " + setup.networkFault().toSeconds() + " s)",
                    audit, recovered, findings, notes));
        } finally {
            if (run("umount", mount.toString()) != 0) LOG.warn("could not unmount {}", mount);
        }
    }

    /** Writes until the file system says it is full; returns the bytes written. */
    private static long fill(Path ballast) {
        var chunk = new byte[1 << 20];
        long written = 0;
        try (var out = new FileOutputStream(ballast.toFile())) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            LOG.info("ballast stopped at {} MB: {}", written >> 20, full.getMessage());
        }
        return written;
    }

    /** "STATUS" and its Retry-After, or how the call failed. */
    private static String reply(io.dealwire.reliability.http.Api api, String path) {
        try {
            var r = api.get(path, Duration.ofSeconds(15));
            return r.status() + (r.retryAfter() == null ? "" : " Retry-After " + r.retryAfter());
        } catch (IOException e) {
            return "no answer (" + e.getMessage() + ")";
        }
    }

    private static long checkpoints(JsonNode mailbox) {
        long sum = 0;
        for (var f : mailbox.path("folderSync")) sum += f.path("lastUid").asLong();
        return sum;
    }

    private static String describe(JsonNode mailbox) {
        if (mailbox == null) return "not readable";
        return mailbox.path("state").asText() + ", " + mailbox.path("messages").asText() + " messages, checkpoints at UID sum "
                + checkpoints(mailbox) + (mailbox.hasNonNull("lastError") ? ", last error: " + mailbox.path("lastError").asText() : "");
    }

    private static int run(String... command) throws IOException, InterruptedException {
        var p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor();
    }
}

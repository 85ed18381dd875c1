package io.dealwire.reliability.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.reliability.Setup;
import io.dealwire.reliability.http.Api;
import io.dealwire.reliability.imap.ServerInventory;
import io.dealwire.reliability.service.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The steps scenarios share: a fresh data dir, the service on a free port, a mailbox, waiting for its sync. */
public final class Harness {
    static final String TOKEN = "reliability-suite-admin-token";
    private final Setup setup;

    public Harness(Setup setup) {
        this.setup = setup;
    }

    public Setup setup() {
        return setup;
    }

    /** An empty directory for one scenario under the work dir. */
    public Path freshDir(String name) {
        var dir = setup.work().resolve(name);
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public ServiceProcess service(Path dataDir, Path log, Map<String, String> extraEnv) {
        int port = freePort();
        var env = new HashMap<String, String>();
        env.put("DEALWIRE_DATA_DIR", dataDir.toString());
        env.put("DEALWIRE_HTTP_PORT", Integer.toString(port));
        env.put("DEALWIRE_BOOTSTRAP_TOKEN", TOKEN);
        env.put("DEALWIRE_SYNC_POLL_SECONDS", "2");
        env.put("DEALWIRE_HTTP_RATE_LIMIT", "0");
        // as Enron would configure it: without it every colleague is a customer of one company holding all the
        // mail, and the run measures that pathological case (issue 3's notes) instead of the faults
        env.put("DEALWIRE_OWN_DOMAINS", "enron.com");
        env.putAll(extraEnv);
        return new ServiceProcess(setup.serviceJar(), log, env, new Api(port, TOKEN));
    }

    /** Adds the corpus mailbox through the API, reaching IMAP on {@code imapPort} (Dovecot or a proxy in front). */
    public String addMailbox(Api api, int imapPort) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "enron");
        body.put("host", "127.0.0.1");
        body.put("port", imapPort);
        body.put("security", "none");
        body.put("username", Setup.IMAP_USER);
        body.put("password", Setup.IMAP_PASSWORD);
        body.put("folders", setup.folders());
        var reply = api.post("/api/mailboxes", body, Duration.ofSeconds(30));
        if (reply.status() != 201 && reply.status() != 200)
            throw new IllegalStateException("POST /api/mailboxes answered " + reply.status() + ": " + reply.body());
        return reply.body().path("id").asText();
    }

    public ServerInventory inventory() {
        return ServerInventory.read("127.0.0.1", setup.imapPort(), Setup.IMAP_USER, Setup.IMAP_PASSWORD, setup.folders());
    }

    /** The mailbox as the API shows it, or null when the API does not answer with it. */
    public static JsonNode mailbox(Api api, String id) {
        try {
            var r = api.get("/api/mailboxes/" + id, Duration.ofSeconds(15));
            return r.ok() ? r.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Idle, every folder's backfill complete and at least {@code expected} distinct messages: the sync is done. */
    public static boolean synced(JsonNode mailbox, int folders, long expected) {
        if (mailbox == null || !"idle".equals(mailbox.path("state").asText())) return false;
        var sync = mailbox.path("folderSync");
        if (sync.size() < folders) return false;
        for (var f : sync) {
            var b = f.path("backfill");
            if (b.path("done").asLong() < b.path("total").asLong()) return false;
        }
        return mailbox.path("messages").asLong() >= expected;
    }

    /**
     * Waits until the mailbox is synced and the index has caught up (state ready, indexed position stable).
     *
     * @return seconds waited, or null when the timeout passed first
     */
    public Double waitSynced(Api api, String id, long expectedDistinct) {
        long t0 = System.nanoTime();
        long deadline = t0 + setup.timeout().toNanos();
        long lastSeq = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            if (synced(mailbox(api, id), setup.folders().size(), expectedDistinct)) {
                var health = health(api);
                long seq = health == null ? -2 : health.path("index").path("indexedSeq").asLong(-2);
                boolean ready = health != null && "ready".equals(health.path("index").path("state").asText());
                if (ready && seq == lastSeq) {
                    if (++stable >= 2) return (System.nanoTime() - t0) / 1e9;
                } else {
                    stable = 0;
                }
                lastSeq = seq;
            }
            sleep(1000);
        }
        return null;
    }

    public static JsonNode health(Api api) {
        try {
            var r = api.get("/api/health", Duration.ofSeconds(10));
            return r.ok() ? r.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Distinct messages the server holds, counting a Message-ID once (the API's {@code messages} counts copies once). */
    public static long distinctMessageIds(ServerInventory inventory) {
        return inventory.folders().values().stream().flatMap(f -> f.messageIdByUid().values().stream())
                .filter(java.util.Objects::nonNull).distinct().count();
    }

    public static int freePort() {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

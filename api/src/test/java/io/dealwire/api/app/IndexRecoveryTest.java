package io.dealwire.api.app;

import io.dealwire.api.Main;
import io.dealwire.api.TestHttp;
import io.dealwire.api.config.Config;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.dealwire.api.app.FoundationPathTest.await;
import static org.junit.jupiter.api.Assertions.*;

/** The index is never the system of record: lost or corrupted, it is rebuilt from the store. */
class IndexRecoveryTest {
    private static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dataDir;

    private Config config() {
        return new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1);
    }

    private static void seed(Dealwire app, int n) {
        var owner = app.store().users().list().getFirst().id();
        app.store().mailboxes().save(new Mailbox("mb", "Sales", "127.0.0.1", 1, Security.NONE, "sales", "", List.of("INBOX"), null,
                owner, true, true, null, SyncState.PAUSED, null, null, Instant.now()));
        for (int i = 1; i <= n; i++) {
            var mail = new MailMessage("m" + i, "m" + i + "@acme.example", null, List.of(), "Quarterly pipeline review " + i,
                    new EmailAddress("dana@acme.example", "Dana"), List.of(EmailAddress.of("sales@northwind.example")), List.of(),
                    Instant.parse("2025-03-0" + i + "T09:00:00Z"), "Let us review the pipeline together.", null, "", "",
                    List.of(), null, null, List.of(), "h" + i, 100);
            app.store().messages().save(StoredMessage.of(mail).with(b -> {
                b.direction = Direction.INBOUND;
                b.conversationId = mail.messageId();
                b.locations = List.of(new MessageLocation("mb", "INBOX", 1, mail.date().getEpochSecond(), false));
            }));
        }
        app.store().commit();
        app.search().poke();
    }

    @Test
    void aCorruptedIndexIsRebuiltFromTheStoreOnStartAndByTheReindexCommand() throws Exception {
        try (var app = Dealwire.start(config())) {
            seed(app, 3);
            var http = new TestHttp(app.port(), TOKEN);
            await(() -> http.get("/api/search?q=pipeline"), r -> r.json().path("total").asLong() == 3);
        }

        // Garble every index file while the service is stopped.
        try (var files = Files.list(config().indexDir())) {
            for (var f : files.toList()) if (Files.isRegularFile(f)) Files.write(f, "not a lucene file".getBytes());
        }

        try (var app = Dealwire.start(config())) {
            var http = new TestHttp(app.port(), TOKEN);
            var health = http.getAnonymous("/api/health");
            assertEquals(200, health.status(), "the service starts and answers while the index is rebuilt");
            // Searches may find messages while the rebuild still runs; the rebuild is over once health says ready.
            await(() -> http.getAnonymous("/api/health"), r -> r.json().at("/index/state").asText().equals("ready"));
            assertEquals(3, http.get("/api/search?q=pipeline").json().path("total").asLong());
            assertEquals(1, http.get("/api/admin/index").json().path("rebuildsFinished").asLong(), "the start rebuilt the corrupt index");

            var reindex = http.post("/api/admin/reindex", "");
            assertEquals(202, reindex.status(), reindex.body());
            await(() -> http.get("/api/admin/index"), r -> r.json().path("rebuildsFinished").asLong() == 2
                    && r.json().path("state").asText().equals("ready") && r.json().path("documents").asLong() == 3);
        }

        var yaml = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + ".yaml"), "dataDir: " + dataDir + "\n");
        var out = new ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new PrintStream(out, true));
        int status;
        try {
            status = Main.run("reindex", "--config", yaml.toString());
        } finally {
            System.setOut(previous);
            Files.deleteIfExists(yaml);
        }
        assertEquals(0, status);
        assertTrue(out.toString().contains("reindexed 3 messages"), out.toString());
    }
}

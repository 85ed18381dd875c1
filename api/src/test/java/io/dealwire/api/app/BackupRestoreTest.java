package io.dealwire.api.app;

import io.dealwire.api.Main;
import io.dealwire.api.TestHttp;
import io.dealwire.api.config.Config;
import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.dealwire.api.app.FoundationPathTest.await;
import static org.junit.jupiter.api.Assertions.*;

/** A backup taken while the service runs restores every message, contact, deal and stage change. */
class BackupRestoreTest {
    private static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path tmp;

    private Config config(Path dataDir) {
        return new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1);
    }

    @Test
    void anOnlineBackupRestoresIntoAFreshDataDir() throws Exception {
        var original = tmp.resolve("original");
        var backupDir = tmp.resolve("backup");
        try (var app = Dealwire.start(config(original))) {
            var store = app.store();
            var owner = store.users().list().getFirst().id();
            store.mailboxes().save(new Mailbox("mb", "Sales", "127.0.0.1", 1, Security.NONE, "sales", "", List.of("INBOX"), null,
                    owner, true, true, null, SyncState.PAUSED, null, null, Instant.now()));
            store.companies().save(new Company("co", "Acme", List.of("acme.example"), Instant.now()));
            store.contacts().save(new Contact("p", "Dana", List.of("dana@acme.example"), "CFO", List.of(), "co", List.of(), "", Instant.now()));
            store.deals().save(new Deal("d", "Acme licences", "default", "proposal", "co", null, owner, 9000, "EUR",
                    Instant.now(), Instant.now(), false));
            store.deals().saveChange(new StageChange("s1", "d", "qualified", "proposal", Instant.now(), ChangeMode.AUTO,
                    new Evidence("m1", "proposal.attachment", "Please find our quote attached.", 0.9), null, null));
            for (int n = 1; n <= 5; n++) {
                final int i = n;
                var mail = new MailMessage("m" + i, "m" + i + "@acme.example", null, List.of(), "Renewal quote " + i,
                        new EmailAddress("dana@acme.example", "Dana"), List.of(EmailAddress.of("sales@northwind.example")), List.of(),
                        Instant.parse("2025-03-0" + i + "T09:00:00Z"), "About the renewal quote.", null, "", "", List.of(), null,
                        null, List.of(), "h" + i, 100);
                store.messages().save(StoredMessage.of(mail).with(b -> {
                    b.direction = Direction.INBOUND;
                    b.dealId = "d";
                    b.conversationId = "c";
                    b.locations = List.of(new MessageLocation("mb", "INBOX", 1, 100L + i, false));
                }));
            }
            var http = new TestHttp(app.port(), TOKEN);
            var backup = http.post("/api/admin/backup", "{\"dir\":\"" + backupDir + "\"}");
            assertEquals(200, backup.status(), backup.body());
            assertEquals(400, http.post("/api/admin/backup", "{\"dir\":\"relative/dir\"}").status());
        }

        var restored = tmp.resolve("restored");
        var yaml = Files.writeString(tmp.resolve("restored.yaml"), "dataDir: " + restored + "\n");
        assertEquals(0, Main.run("restore", backupDir.toString(), "--config", yaml.toString()));
        assertEquals(1, Main.run("restore", tmp.resolve("no-backup-here").toString(), "--config", yaml.toString()),
                "a directory without a backup is refused");

        try (var app = Dealwire.start(config(restored))) {
            var store = app.store();
            assertEquals(5, store.messages().count());
            assertEquals("Dana", store.contacts().find("p").orElseThrow().name());
            assertEquals("proposal", store.deals().find("d").orElseThrow().stageId());
            assertEquals("Please find our quote attached.", store.deals().changes("d").getFirst().evidence().quote());
            var http = new TestHttp(app.port(), TOKEN);
            await(() -> http.get("/api/search?q=renewal"), r -> r.json().path("total").asLong() == 5);
        }

        var offline = tmp.resolve("offline-backup");
        var originalYaml = Files.writeString(tmp.resolve("original.yaml"), "dataDir: " + original + "\n");
        assertEquals(0, Main.run("backup", offline.toString(), "--config", originalYaml.toString()));
        assertTrue(Files.exists(offline.resolve("dealwire-store.zip")));
    }
}

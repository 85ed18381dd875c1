package io.dealwire.store.backup;

import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.Evidence;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.MongoStore;
import io.dealwire.store.StoreFactory;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A backup taken while the store runs restores every message, contact, deal and stage change. */
class BackupRestoreTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path work;

    @Test
    void aBackupTakenWhileRunningRestoresEveryRecord() throws IOException {
        Path dataDir = work.resolve("data");
        Path backupDir = work.resolve("backup");
        var messages = new ArrayList<StoredMessage>();
        var contacts = new ArrayList<Contact>();
        var deals = new ArrayList<Deal>();
        var changes = new ArrayList<StageChange>();
        try (var store = StoreFactory.open(null, dataDir)) {
            for (int i = 0; i < 300; i++) {
                int n = i;
                messages.add(StoredMessage.of(StoreContract.mail("m" + i, "id" + i + "@acme.example", "Subject " + i, T0.plusSeconds(i)))
                        .with(b -> { b.conversationId = "c" + (n % 7); b.dealId = "d" + (n % 5); })
                        .withLocation(new MessageLocation("mb1", "INBOX", 3, n + 1, false)));
            }
            var saved = store.messages().saveAll(messages);
            messages.clear();
            messages.addAll(saved);
            for (int i = 0; i < 20; i++) {
                var c = new Contact("p" + i, "Person " + i, List.of("p" + i + "@acme.example"), "", List.of(), "co1", List.of(), "", T0);
                contacts.add(store.contacts().save(c));
            }
            for (int i = 0; i < 5; i++) {
                var d = new Deal("d" + i, "Deal " + i, "default", "proposal", "co1", null, "u1", 1000 * i, "EUR", T0, T0.plusSeconds(60), false);
                deals.add(store.deals().save(d));
                var s = new StageChange("s" + i, "d" + i, "qualified", "proposal", T0.plusSeconds(60), ChangeMode.AUTO,
                        new Evidence("m" + i, "proposal.attachment", "Please find our quote attached.", 0.9), null, null);
                changes.add(store.deals().saveChange(s));
            }

            var manifest = Backup.write(store, backupDir);
            assertEquals(Files.size(backupDir.resolve(Backup.ARCHIVE)), manifest.bytes());

            // written after the backup: not in it
            store.messages().save(StoredMessage.of(StoreContract.mail("late", "late@x", "Late", T0)));
        }

        Path restoredDir = work.resolve("restored");
        Restore.from(backupDir, restoredDir);
        try (var restored = StoreFactory.open(null, restoredDir)) {
            assertEquals(messages.size(), restored.messages().count());
            for (var m : messages) assertEquals(m, restored.messages().find(m.id()).orElseThrow());
            assertTrue(restored.messages().find("late").isEmpty());
            for (var c : contacts) assertEquals(c, restored.contacts().find(c.id()).orElseThrow());
            for (var d : deals) assertEquals(d, restored.deals().find(d.id()).orElseThrow());
            for (var s : changes) assertEquals(List.of(s), restored.deals().changes(s.dealId()));
            assertEquals(60, restored.messages().findByDeal("d0").size());
            assertEquals(messages.getLast().seq(), restored.messages().lastSeq());
            // the restored store goes on without reusing seqs
            assertTrue(restored.messages().save(StoredMessage.of(StoreContract.mail("next", "n@x", "N", T0))).seq() > messages.getLast().seq());
        }
    }

    @Test
    void restoringOverAnExistingStoreKeepsTheOldFileAndRefusesWhileItIsInUse() throws IOException {
        Path dataDir = work.resolve("data");
        Path backupDir = work.resolve("backup");
        try (var store = StoreFactory.open(null, dataDir)) {
            store.contacts().save(new Contact("p1", "Dana", List.of("dana@acme.example"), "", List.of(), null, List.of(), "", T0));
            Backup.write(store, backupDir);
            store.contacts().save(new Contact("p2", "Eve", List.of("eve@acme.example"), "", List.of(), null, List.of(), "", T0));
            var e = assertThrows(StoreUnavailableException.class, () -> Restore.from(backupDir, dataDir));
            assertTrue(e.getMessage().contains("stop Dealwire"), e.getMessage());
        }
        Restore.from(backupDir, dataDir);
        try (var restored = StoreFactory.open(null, dataDir)) {
            assertTrue(restored.contacts().find("p1").isPresent());
            assertTrue(restored.contacts().find("p2").isEmpty());
        }
        try (var files = Files.list(EmbeddedMongo.storeFile(dataDir).getParent())) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("dealwire.mv.before-restore-")).count());
        }
    }

    @Test
    void aDamagedArchiveIsRefused() throws IOException {
        Path backupDir = work.resolve("backup");
        try (MongoStore store = StoreFactory.open(null, work.resolve("data"))) {
            Backup.write(store, backupDir);
        }
        Path archive = backupDir.resolve(Backup.ARCHIVE);
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(InvalidBackupException.class, () -> Restore.from(backupDir, work.resolve("elsewhere")));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertFalse(Files.exists(EmbeddedMongo.storeFile(work.resolve("elsewhere"))));
        assertThrows(InvalidBackupException.class, () -> Restore.from(work.resolve("nothing-here"), work.resolve("elsewhere")));
    }
}

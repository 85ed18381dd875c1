package io.dealwire.ingest.sync;

import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.ingest.mime.MimeParser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.dealwire.ingest.sync.GreenMailSyncTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sync against a real Dovecot (CONDSTORE, QRESYNC, IDLE) and its faults: a connection cut in the
 * middle of a FETCH, a stalled server, a UIDVALIDITY change, mail expunged during sync, a rerun.
 * After each, the stored set equals the server's set: nothing missing, nothing twice.
 */
@EnabledIf(value = "dovecotInstalled", disabledReason = "dovecot is not installed (apt-get install dovecot-imapd)")
class DovecotSyncTest {
    // patient timeouts: a loaded machine can keep Dovecot silent for seconds, and a timeout would fail a test
    // that is not about timeouts (the stall test sets its own short read timeout)
    private static final SyncSettings SETTINGS = SyncSettings.defaults()
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .withFetchBatch(5, 1 << 20);

    private DovecotServer dovecot;
    private final CrashableStore store = new CrashableStore();
    private final MessageIntake intake = new MessageIntake(store);
    private final Session session = Session.getInstance(new Properties());

    static boolean dovecotInstalled() {
        return DovecotServer.installed();
    }

    @BeforeEach
    void startDovecot() throws Exception {
        dovecot = DovecotServer.start();
    }

    @AfterEach
    void stopDovecot() throws Exception {
        if (dovecot != null) dovecot.close();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void condstoreQresyncAndIdle() throws Exception {
        append("INBOX", 1, 5);
        append("Sent", 100, 101);
        addMailbox("mb", dovecot.port(), List.of());

        PassSummary first = sync("mb", SETTINGS).syncOnce();

        assertEquals(List.of("INBOX", "Sent"), first.folders(), "INBOX and the \\Sent folder by default");
        assertEquals(7, first.fetched());
        FolderSync inbox = folderSync("mb", "INBOX");
        assertTrue(inbox.highestModSeq() > 0, "HIGHESTMODSEQ stored");
        assertStoredEqualsServer("mb");

        expunge("INBOX", List.of(2L));
        PassSummary second = sync("mb", SETTINGS).syncOnce();
        assertEquals(1, second.vanished(), "the expunge came through QRESYNC VANISHED");
        assertEquals(1, second.gone());
        assertEquals(0, second.fetched());
        assertStoredEqualsServer("mb");
        assertTrue(folderSync("mb", "INBOX").highestModSeq() > inbox.highestModSeq());

        // IDLE: with a one-hour poll, only IDLE can bring a new message in before the await's deadline
        try (var service = new SyncService(store, intake, Mailbox::encryptedPassword, SETTINGS.withPollInterval(Duration.ofHours(1)))) {
            var passes = new java.util.concurrent.CopyOnWriteArrayList<List<String>>();
            service.addListener(new SyncListener() {
                @Override
                public void passCompleted(String mailboxId, PassSummary summary) {
                    passes.add(summary.folders());
                }
            });
            service.start("mb");
            // the service's first (full) pass is over: message 6 can only come through IDLE. (The state says IDLE
            // already before that pass, from the syncOnce above, so it cannot tell.)
            await(() -> passes.size() >= 1, "the first pass of the service");
            append("INBOX", 6, 6);
            await(() -> store.messages().findByMessageId("m6@client.test").size() == 1, "message 6 through IDLE");
            // what IDLE announced is read from INBOX alone: a large mailbox's other folders wait for the poll
            await(() -> passes.size() >= 2, "a pass after the IDLE");
            assertEquals(List.of("INBOX", "Sent"), passes.getFirst());
            assertEquals(List.of("INBOX"), passes.get(1));
        }
        assertStoredEqualsServer("mb");
    }

    @Test
    void aConnectionCutInTheMiddleOfAFetchLosesAndDuplicatesNothing() throws Exception {
        append("INBOX", 1, 40);
        try (var proxy = new FaultyProxy(dovecot.port())) {
            addMailbox("mb", proxy.port(), List.of("INBOX"));
            proxy.arm(FaultyProxy.Fault.CUT, 12_000); // in the third batch of five

            assertThrows(MessagingException.class, () -> sync("mb", SETTINGS).syncOnce());
            assertEquals(1, proxy.faults.get());
            assertCheckpointCoversOnlyStored("mb", "INBOX");

            sync("mb", SETTINGS).syncOnce();
        }
        assertStoredEqualsServer("mb");
        assertEquals(40, store.messages().count());
    }

    @Test
    void aStalledServerTimesOutAndTheServiceRecovers() throws Exception {
        append("INBOX", 1, 20);
        try (var proxy = new FaultyProxy(dovecot.port())) {
            addMailbox("mb", proxy.port(), List.of("INBOX"));
            proxy.arm(FaultyProxy.Fault.STALL, 5_000);
            var stallTimeout = SETTINGS.withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
            try (var service = new SyncService(store, intake, Mailbox::encryptedPassword, stallTimeout)) {
                service.start("mb");
                await(() -> proxy.faults.get() == 1, "the stall");
                await(() -> store.messages().count() == 20, "recovery after the read timeout");
            }
        }
        assertStoredEqualsServer("mb");
    }

    @Test
    void aUidValidityChangeRescansWithoutDuplicates() throws Exception {
        createFolder("Projects");
        List<byte[]> original = List.of(raw(1), raw(2), raw(3));
        appendRaw("Projects", original);
        addMailbox("mb", dovecot.port(), List.of("Projects"));
        sync("mb", SETTINGS).syncOnce();
        long validity = folderSync("mb", "Projects").uidValidity();
        String idOfTwo = store.messages().findByMessageId("m2@client.test").getFirst().id();

        deleteFolder("Projects");
        Thread.sleep(1100); // Dovecot derives UIDVALIDITY from the clock
        createFolder("Projects");
        appendRaw("Projects", List.of(raw(2), raw(3), raw(4)));

        PassSummary rescan = sync("mb", SETTINGS).syncOnce();

        assertEquals(1, rescan.rescans());
        assertTrue(folderSync("mb", "Projects").uidValidity() != validity);
        assertStoredEqualsServer("mb");
        assertEquals(4, store.messages().count(), "messages 2 and 3 are the same messages, not copies");
        assertEquals(idOfTwo, store.messages().findByMessageId("m2@client.test").getFirst().id());
        StoredMessage one = store.messages().findByMessageId("m1@client.test").getFirst();
        assertTrue(one.locations().stream().allMatch(MessageLocation::gone), "message 1 stays in the CRM, gone from the folder");
    }

    @Test
    void mailExpungedDuringSyncEndsUpGone() throws Exception {
        append("INBOX", 1, 20);
        addMailbox("mb", dovecot.port(), List.of("INBOX"));
        var once = new AtomicBoolean();
        var listener = new SyncListener() {
            @Override
            public void stored(String mailboxId, String folder, List<StoredMessage> messages) {
                if (!once.compareAndSet(false, true)) return;
                try {
                    // the first batch holds UIDs 16..20 (newest first): expunge one of those and three not fetched yet
                    expunge("INBOX", List.of(20L, 1L, 2L, 7L));
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        new MailboxSync("mb", store, intake, new MimeParser(), Mailbox::encryptedPassword, SETTINGS, listener).syncOnce();

        assertStoredEqualsServer("mb");
        assertEquals(17, store.messages().count(), "16 on the server and one fetched before it was expunged");
        assertTrue(store.messages().findByMessageId("m20@client.test").getFirst().locations().getFirst().gone());
    }

    @Test
    void aRerunOfAFinishedSyncChangesNothing() throws Exception {
        append("INBOX", 1, 12);
        addMailbox("mb", dovecot.port(), List.of());
        sync("mb", SETTINGS).syncOnce();
        long seq = store.messages().lastSeq();
        Map<String, FolderSync> checkpoints = store.mailboxes().find("mb").orElseThrow().folderSync();

        PassSummary rerun = sync("mb", SETTINGS).syncOnce();

        assertEquals(0, rerun.fetched());
        assertEquals(0, rerun.gone());
        assertEquals(seq, store.messages().lastSeq(), "no message rewritten");
        assertEquals(checkpoints.get("INBOX").lastUid(), folderSync("mb", "INBOX").lastUid());
        assertStoredEqualsServer("mb");
    }

    @Test
    void aCrashAtAnyPointOfABackfillLosesAndDuplicatesNothingAfterRestart() throws Exception {
        append("INBOX", 1, 23);
        append("Sent", 100, 108);
        addMailbox("mb", dovecot.port(), List.of());
        store.commit();
        var random = new java.util.Random(42);
        int crashes = 0;
        // every batch committed with its checkpoint at once: crashing every few writes, a run must still get further
        // than the last (a commit shared by the whole pass would be lost every time; SharedCommitSyncTest crashes that)
        var everyBatch = SETTINGS.withCommitDelay(Duration.ZERO);
        // crash at random writes (message saves, checkpoints, states) until a run completes
        while (true) {
            store.crashAtWrite(1 + random.nextInt(12));
            try {
                sync("mb", everyBatch).syncOnce();
                break;
            } catch (RuntimeException e) {
                if (!CrashableStore.isCrash(e)) throw e;
                store.crash(); // everything since the last commit is lost, as with SIGKILL on the embedded store
                crashes++;
                assertCheckpointCoversOnlyStored("mb", "INBOX");
                assertCheckpointCoversOnlyStored("mb", "Sent");
            }
        }
        store.noCrash();
        assertTrue(crashes >= 5, "crashed " + crashes + " times");
        assertStoredEqualsServer("mb");
        assertEquals(32, store.messages().count());
    }

    // ---------------------------------------------------------------- helpers

    private MailboxSync sync(String id, SyncSettings settings) {
        return new MailboxSync(id, store, intake, new MimeParser(), Mailbox::encryptedPassword, settings, null);
    }

    private void addMailbox(String id, int port, List<String> folders) {
        store.mailboxes().save(TestMailboxes.plain(id, port, DovecotServer.USER, DovecotServer.PASSWORD, folders));
    }

    private FolderSync folderSync(String mailboxId, String folder) {
        return store.mailboxes().find(mailboxId).orElseThrow().folderSync().get(folder);
    }

    private static byte[] raw(int i) {
        return TestMailboxes.raw("m" + i + "@client.test", "Client <c" + i + "@client.test>", "alice@acme.test",
                "Request " + i, ("Message number " + i + ". ").repeat(40));
    }

    private jakarta.mail.Store client() throws MessagingException {
        jakarta.mail.Store s = session.getStore("imap");
        s.connect("127.0.0.1", dovecot.port(), DovecotServer.USER, DovecotServer.PASSWORD);
        return s;
    }

    private void append(String folder, int from, int to) throws MessagingException {
        var raws = new ArrayList<byte[]>();
        for (int i = from; i <= to; i++) raws.add(raw(i));
        appendRaw(folder, raws);
    }

    private void appendRaw(String folder, List<byte[]> raws) throws MessagingException {
        try (var s = client()) {
            var messages = new ArrayList<Message>();
            for (byte[] r : raws) messages.add(new MimeMessage(session, new ByteArrayInputStream(r)));
            s.getFolder(folder).appendMessages(messages.toArray(Message[]::new));
        }
    }

    private void createFolder(String name) throws MessagingException {
        try (var s = client()) {
            s.getFolder(name).create(Folder.HOLDS_MESSAGES);
        }
    }

    private void deleteFolder(String name) throws MessagingException {
        try (var s = client()) {
            s.getFolder(name).delete(true);
        }
    }

    private void expunge(String folder, List<Long> uids) throws MessagingException {
        try (var s = client()) {
            Folder f = s.getFolder(folder);
            f.open(Folder.READ_WRITE);
            for (long uid : uids) {
                Message m = ((UIDFolder) f).getMessageByUID(uid);
                if (m != null) m.setFlag(Flags.Flag.DELETED, true);
            }
            f.close(true);
        }
    }

    /** folder → UIDVALIDITY:UID → Message-ID, as the server has it. */
    private Map<String, Map<String, String>> serverSet(List<String> folders) throws MessagingException {
        var out = new TreeMap<String, Map<String, String>>();
        try (var s = client()) {
            for (String name : folders) {
                Folder f = s.getFolder(name);
                f.open(Folder.READ_ONLY);
                var uidFolder = (UIDFolder) f;
                var map = new TreeMap<String, String>();
                for (Message m : f.getMessages()) {
                    String id = m.getHeader("Message-ID")[0].replaceAll("[<>]", "");
                    map.put(uidFolder.getUIDValidity() + ":" + uidFolder.getUID(m), id);
                }
                f.close(false);
                out.put(name, map);
            }
        }
        return out;
    }

    /** Same shape from the store's live (not gone) locations; fails on a server copy stored twice. */
    private Map<String, Map<String, String>> storedSet(String mailboxId, List<String> folders) {
        var out = new TreeMap<String, Map<String, String>>();
        for (String folder : folders) out.put(folder, new TreeMap<>());
        for (StoredMessage m : store.messages().findByMailbox(mailboxId, null)) {
            for (MessageLocation l : m.locations()) {
                if (!l.mailboxId().equals(mailboxId) || l.gone()) continue;
                String previous = out.computeIfAbsent(l.folder(), k -> new TreeMap<>())
                        .put(l.uidValidity() + ":" + l.uid(), m.mail().messageId());
                assertEquals(null, previous, "server copy " + l + " stored twice");
            }
        }
        return out;
    }

    private void assertStoredEqualsServer(String mailboxId) throws MessagingException {
        Mailbox mb = store.mailboxes().find(mailboxId).orElseThrow();
        List<String> folders = new ArrayList<>(mb.folderSync().keySet());
        folders.sort(null);
        assertEquals(serverSet(folders), storedSet(mailboxId, folders));
        for (StoredMessage m : store.messages().findByMailbox(mailboxId, null)) {
            assertEquals(1, store.messages().findByMessageId(m.mail().messageId()).size(),
                    "one stored message per Message-ID: " + m.mail().messageId());
        }
    }

    /** Every UID the checkpoint claims (backfillLowUid..lastUid) that the server has is stored. */
    private void assertCheckpointCoversOnlyStored(String mailboxId, String folder) throws MessagingException {
        FolderSync fs = folderSync(mailboxId, folder);
        if (fs == null) return; // no checkpoint yet: nothing claimed
        Map<String, String> server = serverSet(List.of(folder)).get(folder);
        Map<String, String> stored = storedSet(mailboxId, List.of(folder)).get(folder);
        for (var e : server.entrySet()) {
            long uid = Long.parseLong(e.getKey().substring(e.getKey().indexOf(':') + 1));
            if (uid >= fs.backfillLowUid() && uid <= fs.lastUid()) {
                assertTrue(stored.containsKey(e.getKey()), "checkpoint covers UID " + uid + " which is not stored");
            }
        }
    }
}

package io.dealwire.ingest.sync;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.ingest.mime.MimeParser;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consecutive small folders share one store commit, and their checkpoints advance only with it. */
class SharedCommitSyncTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.imap()).withPerMethodLifecycle(true);

    private static final List<String> FOLDERS = List.of("deals/a", "deals/b", "deals/c");
    private static final int PER_FOLDER = 3;

    /** Batches far larger than the folders and a commit delay no test run reaches: only the end of the pass commits. */
    private static final SyncSettings SHARED = SyncSettings.defaults()
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
            .withPollInterval(Duration.ofMillis(300))
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .withCommitDelay(Duration.ofHours(1));

    private final CrashableStore store = new CrashableStore();
    private final MessageIntake intake = new MessageIntake(store);
    private final List<String> heardStored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        greenMail.setUser("alice@acme.test", "alice", "alice-pw");
        Store client = Session.getInstance(new Properties()).getStore("imap");
        client.connect("127.0.0.1", greenMail.getImap().getPort(), "alice", "alice-pw");
        try {
            for (var name : FOLDERS) {
                Folder folder = client.getFolder(name);
                folder.create(Folder.HOLDS_MESSAGES);
                var messages = new ArrayList<Message>();
                for (int i = 1; i <= PER_FOLDER; i++) {
                    String id = name.replace('/', '-') + "-" + i + "@client.test";
                    messages.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(TestMailboxes.raw(id,
                            "Client <c@client.test>", "alice@acme.test", "Quote " + id, "Hello, please send the quote " + id + "."))));
                }
                folder.appendMessages(messages.toArray(Message[]::new));
            }
        } finally {
            client.close();
        }
        store.mailboxes().save(TestMailboxes.plain("mb1", greenMail.getImap().getPort(), "alice", "alice-pw", FOLDERS));
        store.commit();
    }

    private MailboxSync sync() {
        return new MailboxSync("mb1", store, intake, new MimeParser(), Mailbox::encryptedPassword, SHARED, new SyncListener() {
            @Override
            public void stored(String mailboxId, String folder, List<StoredMessage> messages) {
                for (var m : messages) heardStored.add(m.mail().messageId());
            }
        });
    }

    private FolderSync checkpoint(String folder) {
        return store.mailboxes().find("mb1").orElseThrow().folderSync().get(folder);
    }

    @Test
    void aCrashBeforeTheSharedCommitLeavesNoneOfItsFoldersCheckpointsAdvanced() throws Exception {
        store.crashAtCommitOfMessages();

        var crash = assertThrows(RuntimeException.class, () -> sync().syncOnce());

        assertTrue(CrashableStore.isCrash(crash), crash.toString());
        assertEquals(FOLDERS.size() * PER_FOLDER, store.uncommittedMessages(),
                "the messages of all three folders waited for one commit");
        assertEquals(List.of(), heardStored, "nothing is announced as stored before it is committed");
        store.crash(); // SIGKILL: everything since the last commit is gone

        assertEquals(0, store.messages().count());
        for (var folder : FOLDERS) assertNull(checkpoint(folder), "no checkpoint of '" + folder + "' outlives the crash");

        // the restart fetches everything again, once
        int commitsBefore = store.commits();
        sync().syncOnce();

        assertEquals(FOLDERS.size() * PER_FOLDER, store.messages().count(), "nothing lost, nothing twice");
        for (var folder : FOLDERS) {
            var done = checkpoint(folder);
            assertTrue(done.backfillComplete(), folder + ": " + done);
            assertEquals(PER_FOLDER, done.stored(), folder + ": " + done);
        }
        assertEquals(FOLDERS.size() * PER_FOLDER, new HashSet<>(heardStored).size());
        // the connecting and backfilling states, the end of the pass, the idle state: not several commits per folder
        assertTrue(store.commits() - commitsBefore <= 4, "commits in the pass: " + (store.commits() - commitsBefore));
    }

    @Test
    void aFullBatchIsCommittedAtOnceWithItsCheckpoint() throws Exception {
        // batches of two messages: the first batch of a folder is committed as soon as it is written
        var small = SHARED.withFetchBatch(2, 1 << 20);
        var sync = new MailboxSync("mb1", store, intake, new MimeParser(), Mailbox::encryptedPassword, small, null);
        store.crashAtCommitOfMessages();

        assertThrows(RuntimeException.class, sync::syncOnce);

        assertEquals(2, store.uncommittedMessages(), "the first batch of two was committed alone, with its checkpoint");
        store.crash();
        store.noCrash();
        sync.syncOnce();
        assertEquals(Set.copyOf(FOLDERS), store.mailboxes().find("mb1").orElseThrow().folderSync().keySet());
        assertEquals(FOLDERS.size() * PER_FOLDER, store.messages().count());
    }
}

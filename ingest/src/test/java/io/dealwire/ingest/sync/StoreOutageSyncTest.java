package io.dealwire.ingest.sync;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.core.user.UserRepository;
import io.dealwire.ingest.mime.MimeParser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store outage pauses a mailbox's sync; it must not end it. Found by the reliability suite: the failed
 * write was retried through {@code retryLater}, whose saving of the error state hit the same unavailable
 * store and ended the thread, so nothing more was synced once the store was back.
 */
class StoreOutageSyncTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.imap()).withPerMethodLifecycle(true);

    private static final SyncSettings FAST = SyncSettings.defaults()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
            .withPollInterval(Duration.ofMillis(300))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500));

    @Test
    void syncResumesWhenTheStoreComesBack() throws Exception {
        var store = storeWithAMailboxOfThreeMessages();
        var sync = new MailboxSync("mb1", store, new MessageIntake(store), new MimeParser(), Mailbox::encryptedPassword, FAST, null);

        store.down = true;
        var thread = Thread.ofVirtual().start(sync::run);
        try {
            Thread.sleep(1500); // several retries against the unavailable store
            assertTrue(thread.isAlive(), "the sync thread ended during the outage");
            store.down = false;
            assertSyncedAndIdle(store);
        } finally {
            sync.stop();
            thread.join(Duration.ofSeconds(30));
        }
    }

    /**
     * Found by the reliability suite: after a 60 s outage the sync finished 170 s after the store came back, its
     * backoff having grown during the outage. Here the server backoff could reach ten minutes, and the outage lasts
     * for 30 failed store calls (15 attempts: with the server's backoff, the last waits would add up to more than
     * an hour); with the store's own short cap the mailbox resumes within seconds of the store answering again.
     */
    @Test
    void aLongStoreOutageDoesNotDelayTheSyncOnceTheStoreIsBack() throws Exception {
        var store = storeWithAMailboxOfThreeMessages();
        var settings = FAST.withBackoff(Duration.ofMillis(200), Duration.ofMinutes(10)).withStoreRetryMax(Duration.ofMillis(300));
        var sync = new MailboxSync("mb1", store, new MessageIntake(store), new MimeParser(), Mailbox::encryptedPassword, settings, null);

        store.failingCalls.set(30);
        var thread = Thread.ofVirtual().start(sync::run);
        try {
            assertSyncedAndIdle(store);
            assertEquals(0, store.failingCalls.get(), "the outage took place");
        } finally {
            sync.stop();
            thread.join(Duration.ofSeconds(30));
        }
    }

    private static OutageStore storeWithAMailboxOfThreeMessages() throws Exception {
        var alice = greenMail.setUser("alice@acme.test", "alice", "alice-pw");
        for (int i = 1; i <= 3; i++) {
            alice.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(TestMailboxes.raw(
                    "m" + i + "@client.test", "Client <c@client.test>", "alice@acme.test", "Quote " + i, "Quote number " + i + "."))));
        }
        var store = new OutageStore();
        store.mailboxes().save(TestMailboxes.plain("mb1", greenMail.getImap().getPort(), "alice", "alice-pw", List.of()));
        return store;
    }

    /** Waits (generously: only a hang should reach the deadline) for the three messages and the idle state. */
    private static void assertSyncedAndIdle(OutageStore store) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (store.messages().count() < 3 && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(3, store.messages().count(), "messages synced once the store came back");
        while (store.mailboxes().find("mb1").orElseThrow().state() != SyncState.IDLE && System.nanoTime() < deadline) Thread.sleep(100);
        assertEquals(SyncState.IDLE, store.mailboxes().find("mb1").orElseThrow().state());
    }

    /**
     * An in-memory store whose mailbox repository fails, as an unreachable MongoDB does, while {@link #down} or
     * for the next {@link #failingCalls} calls.
     */
    private static final class OutageStore implements Store {
        volatile boolean down;
        final AtomicInteger failingCalls = new AtomicInteger();
        private final InMemoryStore base = new InMemoryStore();
        private final MailboxRepository mailboxes = new MailboxRepository() {
            private MailboxRepository up() {
                if (down || failingCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new StoreUnavailableException("the store is unavailable (simulated outage)");
                }
                return base.mailboxes();
            }

            @Override
            public Optional<Mailbox> find(String id) {
                return up().find(id);
            }

            @Override
            public List<Mailbox> list() {
                return up().list();
            }

            @Override
            public Mailbox save(Mailbox mailbox) {
                return up().save(mailbox);
            }

            @Override
            public void saveFolder(String mailboxId, FolderSync sync) {
                up().saveFolder(mailboxId, sync);
            }

            @Override
            public void saveState(String mailboxId, SyncState state, String lastError) {
                up().saveState(mailboxId, state, lastError);
            }

            @Override
            public void delete(String id) {
                up().delete(id);
            }
        };

        @Override
        public MessageRepository messages() {
            return base.messages();
        }

        @Override
        public ContactRepository contacts() {
            return base.contacts();
        }

        @Override
        public CompanyRepository companies() {
            return base.companies();
        }

        @Override
        public DealRepository deals() {
            return base.deals();
        }

        @Override
        public PipelineRepository pipelines() {
            return base.pipelines();
        }

        @Override
        public MailboxRepository mailboxes() {
            return mailboxes;
        }

        @Override
        public UserRepository users() {
            return base.users();
        }

        @Override
        public PinRepository pins() {
            return base.pins();
        }

        @Override
        public IgnoreRuleRepository ignoreRules() {
            return base.ignoreRules();
        }

        @Override
        public AuditLog audit() {
            return base.audit();
        }

        @Override
        public void commit() {
            if (down) throw new StoreUnavailableException("the store is unavailable (simulated outage)");
            base.commit();
        }

        @Override
        public void close() {
            base.close();
        }
    }
}

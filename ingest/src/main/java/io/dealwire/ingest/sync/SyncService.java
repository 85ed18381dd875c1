package io.dealwire.ingest.sync;

import io.dealwire.core.intake.Intake;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.ingest.mime.MimeParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Syncs many mailboxes at once, each on its own virtual thread (never an event loop). Start, stop,
 * pause and resume by mailbox id; state and checkpoints are written to the store's
 * {@code MailboxRepository}, and listeners hear about stored messages as soon as they are committed.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Store store;
    private final Intake intake;
    private final MimeParser parser;
    private final Function<Mailbox, String> passwords;
    private final SyncSettings settings;
    private final ServerConnectionLimiter limiter;
    private final RequestLoad load;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Worker> workers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PassInfo> passes = new ConcurrentHashMap<>();

    private record Worker(MailboxSync sync, Thread thread) {
    }

    private record PassInfo(Instant at, PassSummary summary, AtomicLong fetched) {
    }

    /**
     * @param passwords decrypts a mailbox's stored password (the API owns the encryption); called on each connect
     */
    public SyncService(Store store, Intake intake, Function<Mailbox, String> passwords, SyncSettings settings) {
        this(store, intake, new MimeParser(), passwords, settings);
    }

    public SyncService(Store store, Intake intake, MimeParser parser, Function<Mailbox, String> passwords,
                       SyncSettings settings) {
        this(store, intake, parser, passwords, settings, RequestLoad.NONE);
    }

    /**
     * @param passwords decrypts a mailbox's stored password (the API owns the encryption); called on each connect
     * @param load      the requests in flight, which every mailbox's sync gives precedence to
     */
    public SyncService(Store store, Intake intake, Function<Mailbox, String> passwords, SyncSettings settings,
                       RequestLoad load) {
        this(store, intake, new MimeParser(), passwords, settings, load);
    }

    public SyncService(Store store, Intake intake, MimeParser parser, Function<Mailbox, String> passwords,
                       SyncSettings settings, RequestLoad load) {
        this.store = store;
        this.intake = intake;
        this.parser = parser;
        this.passwords = passwords;
        this.settings = settings;
        this.limiter = new ServerConnectionLimiter(settings.maxConnectionsPerServer());
        this.load = load;
    }

    public void addListener(SyncListener listener) {
        listeners.add(listener);
    }

    /** Starts every stored mailbox that is not paused. */
    public void startAll() {
        for (Mailbox m : store.mailboxes().list()) {
            if (m.state() != SyncState.PAUSED) start(m.id());
        }
    }

    /** Starts syncing a mailbox; does nothing when it is already running. */
    public synchronized void start(String mailboxId) {
        Worker existing = workers.get(mailboxId);
        if (existing != null && existing.thread().isAlive()) return;
        var sync = new MailboxSync(mailboxId, store, intake, parser, passwords, settings, fanOut(), limiter, load);
        Thread thread = settings.threads().newThread(() -> {
            try {
                sync.run();
            } catch (RuntimeException e) {
                log.error("mailbox {} sync thread ended unexpectedly", mailboxId, e);
            } finally {
                workers.computeIfPresent(mailboxId, (id, w) -> w.sync() == sync ? null : w);
            }
        });
        thread.setName("sync-" + mailboxId);
        workers.put(mailboxId, new Worker(sync, thread));
        passes.computeIfAbsent(mailboxId, id -> new PassInfo(null, null, new AtomicLong()));
        thread.start();
    }

    /** Stops a mailbox's sync and waits for its thread to finish (its last batch is committed or dropped whole). */
    public synchronized void stop(String mailboxId) {
        Worker w = workers.remove(mailboxId);
        if (w == null) return;
        w.sync().stop();
        try {
            if (!w.thread().join(STOP_WAIT)) log.warn("mailbox {} sync did not stop within {}", mailboxId, STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void pause(String mailboxId) {
        stop(mailboxId);
        store.mailboxes().saveState(mailboxId, SyncState.PAUSED, null);
        store.commit();
        fanOut().stateChanged(mailboxId, SyncState.PAUSED, null);
    }

    public synchronized void resume(String mailboxId) {
        store.mailboxes().saveState(mailboxId, SyncState.CONNECTING, null);
        store.commit();
        start(mailboxId);
    }

    /** Stops and starts again: after its credentials, folders or server settings changed. */
    public synchronized void restart(String mailboxId) {
        stop(mailboxId);
        start(mailboxId);
    }

    /** Ends a mailbox's wait (IDLE or poll) so it syncs now. */
    public void syncNow(String mailboxId) {
        Worker w = workers.get(mailboxId);
        if (w != null) w.sync().wakeUp();
    }

    public boolean isRunning(String mailboxId) {
        Worker w = workers.get(mailboxId);
        return w != null && w.thread().isAlive();
    }

    public Optional<MailboxStatus> status(String mailboxId) {
        return store.mailboxes().find(mailboxId).map(this::status);
    }

    public List<MailboxStatus> statuses() {
        var out = new ArrayList<MailboxStatus>();
        for (Mailbox m : store.mailboxes().list()) out.add(status(m));
        return out;
    }

    private MailboxStatus status(Mailbox m) {
        PassInfo p = passes.get(m.id());
        return new MailboxStatus(m.id(), isRunning(m.id()), m.state(), m.lastError(), p == null ? null : p.at(),
                p == null ? null : p.summary(), p == null ? 0 : p.fetched().get());
    }

    /** Stops every mailbox (graceful shutdown: each finishes or drops its current batch, nothing half-checkpointed). */
    @Override
    public void close() {
        var ids = new ArrayList<>(workers.keySet());
        for (String id : ids) {
            Worker w = workers.get(id);
            if (w != null) w.sync().stop();
        }
        for (String id : ids) stop(id);
    }

    private SyncListener fanOut() {
        return new SyncListener() {
            @Override
            public void stored(String mailboxId, String folder, List<StoredMessage> messages) {
                PassInfo p = passes.get(mailboxId);
                if (p != null) p.fetched().addAndGet(messages.size());
                for (SyncListener l : listeners) safely(() -> l.stored(mailboxId, folder, messages));
            }

            @Override
            public void stateChanged(String mailboxId, SyncState state, String error) {
                for (SyncListener l : listeners) safely(() -> l.stateChanged(mailboxId, state, error));
            }

            @Override
            public void passCompleted(String mailboxId, PassSummary summary) {
                passes.compute(mailboxId, (id, old) -> new PassInfo(Instant.now(), summary,
                        old == null ? new AtomicLong() : old.fetched()));
                for (SyncListener l : listeners) safely(() -> l.passCompleted(mailboxId, summary));
            }
        };
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("a sync listener failed; sync goes on", e);
        }
    }
}

package io.dealwire.ingest.sync;

import io.dealwire.core.intake.BatchItemException;
import io.dealwire.core.intake.Intake;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.ingest.mime.MimeParser;
import io.dealwire.ingest.sync.MailboxConnectException.Kind;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MailEvent;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Keeps one mailbox in sync with the store. A message's identity on the server is
 * (folder, UIDVALIDITY, UID); a folder's checkpoint ({@link FolderSync}) advances only after the
 * messages below it are committed to the store (in the same commit at the earliest, which consecutive
 * batches and small folders share: {@link SharedCommit}), so a crash at any point re-fetches at most
 * what that commit would have covered, and the idempotent {@link Intake} makes the repeat harmless.
 *
 * <p>Per folder: new mail above {@code lastUid} first, then the backfill newest first below
 * {@code backfillLowUid}, then an expunge check. Between passes it waits in IDLE on INBOX (or polls).
 */
public final class MailboxSync {
    private static final Logger log = LoggerFactory.getLogger(MailboxSync.class);
    /** At most this many messages in a folder's first batch (the rest: {@link SyncSettings#fetchBatchMessages()}). */
    static final int FIRST_BATCH_MESSAGES = 50;
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private final String mailboxId;
    private final Store store;
    private final Intake intake;
    private final MimeParser parser;
    private final Function<Mailbox, String> passwords;
    private final SyncSettings settings;
    private final SyncListener listener;
    private final ServerConnectionLimiter limiter;
    private final ImapConnector connector;
    private final RequestPrecedence precedence;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    /** Released to end a poll wait early ({@link #wakeUp()}, {@link #stop()}). */
    private final Semaphore wakeSignal = new Semaphore(0);
    private volatile boolean stopped;
    private volatile IMAPFolder idling;
    /** The folder watched with IDLE between passes: INBOX when synced, else the first synced folder. */
    private volatile String idleFolder = "INBOX";
    /** Per folder: server message count and UIDNEXT seen at the last expunge check. */
    private final Map<String, long[]> lastSeen = new HashMap<>();
    /** The store commits of this sync: consecutive batches and small folders share one. */
    private final SharedCommit commits;

    public MailboxSync(String mailboxId, Store store, Intake intake, MimeParser parser,
                       Function<Mailbox, String> passwords, SyncSettings settings, SyncListener listener) {
        this(mailboxId, store, intake, parser, passwords, settings, listener,
                new ServerConnectionLimiter(settings.maxConnectionsPerServer()), RequestLoad.NONE);
    }

    MailboxSync(String mailboxId, Store store, Intake intake, MimeParser parser, Function<Mailbox, String> passwords,
                SyncSettings settings, SyncListener listener, ServerConnectionLimiter limiter, RequestLoad load) {
        this(mailboxId, store, intake, parser, passwords, settings, listener, limiter, null, load);
    }

    /** @param precedence how the sync yields to requests; null: the one for {@code load}, pausing on this sync's wait */
    MailboxSync(String mailboxId, Store store, Intake intake, MimeParser parser, Function<Mailbox, String> passwords,
                SyncSettings settings, SyncListener listener, ServerConnectionLimiter limiter,
                RequestPrecedence precedence, RequestLoad load) {
        this.mailboxId = mailboxId;
        this.store = store;
        this.intake = intake;
        this.parser = parser;
        this.passwords = passwords;
        this.settings = settings;
        this.listener = listener == null ? new SyncListener() { } : listener;
        this.limiter = limiter;
        this.connector = new ImapConnector(settings);
        this.precedence = precedence != null ? precedence : new RequestPrecedence(load, this::yieldFor);
        this.commits = new SharedCommit(store, settings.fetchBatchMessages(), settings.commitDelay());
    }

    public String mailboxId() {
        return mailboxId;
    }

    /**
     * Runs until {@link #stop()}: sync passes, then waiting for new mail. Transient failures are
     * retried with exponential backoff and jitter; an authentication failure parks the mailbox in
     * {@link SyncState#ERROR} with the server's words and returns.
     */
    public void run() {
        var backoff = new RetryDelays(settings);
        while (!stopped) {
            Mailbox mailbox;
            try {
                mailbox = store.mailboxes().find(mailboxId).orElse(null);
            } catch (StoreUnavailableException e) {
                retryLater(backoff, e.getMessage(), e);
                continue;
            }
            if (mailbox == null) {
                log.info("mailbox {} no longer exists: sync stopped", mailboxId);
                return;
            }
            boolean permit = false;
            IMAPStore imap = null;
            try {
                limiter.acquire(mailbox.host());
                permit = true;
                imap = connect(mailbox);
                boolean first = true;
                boolean newMailOnly = false;
                long lastFullPass = 0;
                while (!stopped) {
                    // New mail announced by IDLE is read from the watched folder alone: a pass over every folder
                    // of a large mailbox (hundreds) takes seconds, and the rep expects the mail now. The other
                    // folders are still visited at the poll interval.
                    boolean full = first || !newMailOnly
                            || System.nanoTime() - lastFullPass >= settings.pollInterval().toNanos();
                    if (full) {
                        pass(imap, first);
                        lastFullPass = System.nanoTime();
                    } else {
                        pass(imap, false, List.of(idleFolder));
                    }
                    first = false;
                    backoff.reset();
                    setState(SyncState.IDLE, null);
                    if (limiter.othersWaiting(mailbox.host())) break; // give the connection to another mailbox
                    newMailOnly = waitForChanges(imap);
                }
                if (!stopped) {
                    ImapConnector.closeQuietly(imap);
                    imap = null;
                    limiter.release(mailbox.host());
                    permit = false;
                    pause(settings.pollInterval());
                }
            } catch (MailboxConnectException e) {
                if (e.kind() == Kind.AUTHENTICATION_FAILED || e.kind() == Kind.INSECURE_NOT_ALLOWED) {
                    log.warn("mailbox {} parked in error: {}", mailboxId, e.getMessage());
                    recordError(e.getMessage());
                    return;
                }
                retryLater(backoff, e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MessagingException | RuntimeException e) {
                if (stopped) return;
                retryLater(backoff, describe(e), e);
            } finally {
                ImapConnector.closeQuietly(imap);
                if (permit) limiter.release(mailbox.host());
            }
        }
    }

    /**
     * Asks {@link #run()} to finish: breaks an IDLE or a wait; a batch in flight completes (bounded by
     * the read timeout). The thread is deliberately not interrupted: an interrupt closes any NIO
     * file channel it is using, which would break an embedded store in the middle of a commit.
     */
    public void stop() {
        stopped = true;
        stopSignal.countDown();
        wakeSignal.release(Integer.MAX_VALUE / 2);
        breakIdle();
    }

    /** Ends the current IDLE or poll wait early, so a pass starts now. */
    public void wakeUp() {
        wakeSignal.release();
        breakIdle();
    }

    /** Connects, runs one pass over every folder and disconnects: for tests, the CLI and a first sync. */
    public PassSummary syncOnce() throws MailboxConnectException, MessagingException {
        Mailbox mailbox = mailbox();
        IMAPStore imap = null;
        try {
            limiter.acquire(mailbox.host());
            try {
                imap = connect(mailbox);
                PassSummary summary = pass(imap, true);
                setState(SyncState.IDLE, null);
                return summary;
            } finally {
                ImapConnector.closeQuietly(imap);
                limiter.release(mailbox.host());
            }
        } catch (MailboxConnectException e) {
            setState(SyncState.ERROR, e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting for a connection slot", e);
        }
    }

    private IMAPStore connect(Mailbox mailbox) throws MailboxConnectException {
        setState(SyncState.CONNECTING, mailbox.lastError());
        String password;
        try {
            password = passwords.apply(mailbox);
        } catch (RuntimeException e) {
            throw new MailboxConnectException(Kind.AUTHENTICATION_FAILED,
                    "The stored password could not be decrypted (" + e.getClass().getSimpleName()
                            + "): enter the password again.", e);
        }
        var endpoint = new ImapConnector.Endpoint(mailbox.host(), mailbox.port(), mailbox.security(),
                mailbox.username(), mailbox.allowInsecure(), mailbox.pinnedCertificateSha256());
        return connector.connect(endpoint, password);
    }

    /** One pass over every folder of the mailbox, with one summary log line. */
    PassSummary pass(IMAPStore imap, boolean firstOfConnection) throws MessagingException {
        return pass(imap, firstOfConnection, null);
    }

    /** One pass over {@code only} (null: every folder of the mailbox), with one summary log line. */
    private PassSummary pass(IMAPStore imap, boolean firstOfConnection, List<String> only) throws MessagingException {
        long started = System.nanoTime();
        Mailbox mailbox = mailbox();
        List<String> folders = only != null ? only : mailbox.folders().isEmpty()
                ? FolderResolver.defaults(FolderResolver.list(imap)) : mailbox.folders();
        boolean backfilling = folders.stream().anyMatch(f -> {
            FolderSync fs = mailbox.folderSync().get(f);
            return fs == null || !fs.backfillComplete();
        });
        if (backfilling) setState(SyncState.BACKFILLING, null);
        precedence.reset();
        if (only == null) idleFolder = folders.contains("INBOX") || folders.isEmpty() ? "INBOX" : folders.getFirst();
        var counts = new Counts();
        // Each folder's checkpoint as of the pass's start is its current one: only this thread writes it, once per
        // pass, and an admin's change stops the sync first. Reading the whole mailbox back for every folder made an
        // idle poll of N folders decode N checkpoints N times.
        var checkpoints = mailbox.folderSync();
        for (String folder : folders) {
            if (stopped) break;
            syncFolder(imap, folder, checkpoints.getOrDefault(folder, FolderSync.empty(folder)), mailbox.since(), counts);
        }
        // what the last folders wrote: the pass ends durable, and its listeners have heard of every stored message
        commits.commitPending();
        var summary = new PassSummary(folders, counts.fetched, counts.gone, counts.vanished, counts.rescans, counts.warnings,
                counts.bytes, Duration.ofNanos(System.nanoTime() - started));
        // One line per pass that changed something; an idle poll of many mailboxes would otherwise flood the log.
        boolean changed = counts.fetched > 0 || counts.gone > 0 || counts.vanished > 0 || counts.rescans > 0;
        log.atLevel(changed ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
                .log("mailbox {} ({}) synced {} folder(s): {} fetched, {} gone, {} rescans, {} with parse warnings, {} KB in {} ms",
                        mailboxId, mailbox.name(), folders.size(), counts.fetched, counts.gone, counts.rescans,
                        counts.warnings, counts.bytes / 1024, summary.elapsed().toMillis());
        listener.passCompleted(mailboxId, summary);
        return summary;
    }

    private static final class Counts {
        long fetched;
        long gone;
        long vanished;
        int rescans;
        long warnings;
        long bytes;
    }

    private void syncFolder(IMAPStore imap, String name, FolderSync checkpoint, LocalDate since, Counts counts) throws MessagingException {
        var folder = (IMAPFolder) imap.getFolder(name);
        if (!folder.exists()) {
            log.warn("mailbox {}: folder '{}' does not exist on the server: skipped", mailboxId, name);
            return;
        }
        FolderSync fs = checkpoint;
        boolean qresync = imap.hasCapability("QRESYNC");
        boolean condstore = qresync || imap.hasCapability("CONDSTORE");
        boolean resyncing = qresync && fs.uidValidity() != 0 && fs.highestModSeq() > 0;
        // EXAMINE (read-only): the server cannot change flags, on top of BODY.PEEK. With QRESYNC the
        // server reports in the same round trip which UIDs vanished since the stored HIGHESTMODSEQ.
        List<MailEvent> events = resyncing
                ? folder.open(Folder.READ_ONLY, new ResyncData(fs.uidValidity(), fs.highestModSeq()))
                : condstore ? folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE) : openPlain(folder);
        try {
            long uidValidity = folder.getUIDValidity();
            long uidNext = folder.getUIDNext();
            long selectModSeq = condstore ? folder.getHighestModSeq() : 0;

            boolean validityChanged = fs.uidValidity() != 0 && fs.uidValidity() != uidValidity;
            boolean uidNextWentBack = !validityChanged && fs.lastUid() > 0 && uidNext > 0 && uidNext <= fs.lastUid();
            if (validityChanged || uidNextWentBack) {
                log.warn("mailbox {} folder '{}': {}: rescanning the folder", mailboxId, name, validityChanged
                        ? "UIDVALIDITY changed from " + fs.uidValidity() + " to " + uidValidity
                        : "UIDNEXT " + uidNext + " is not above the stored last UID " + fs.lastUid());
                // every copy is marked gone, then the rescan re-adds the ones still there: the intake
                // recognises them by id (Message-ID + content hash), so nothing is stored twice
                counts.gone += markAllGone(name);
                commits.commit();
                counts.rescans++;
                fs = FolderSync.empty(name);
                lastSeen.remove(name);
                resyncing = false;
            } else if (resyncing) {
                long vanished = goneFromEvents(name, uidValidity, events);
                counts.vanished += vanished;
                counts.gone += vanished;
            }
            if (fs.uidValidity() == 0) fs = withValidity(fs, uidValidity);

            // 1. mail that arrived above the checkpoint
            if (fs.backfillLowUid() > 0) {
                long[] fresh = above(UidCommands.search(folder, "UID " + (fs.lastUid() + 1) + ":*"), fs.lastUid());
                Progress ascending = fetchAscending(folder, name, uidValidity, fs, fresh, counts);
                fs = ascending.checkpoint();
                if (ascending.complete() && uidNext - 1 > fs.lastUid()) {
                    // every UID below UIDNEXT that still exists is stored: skip the gaps for good
                    fs = with(fs, uidNext - 1, fs.highestModSeq());
                    saveFolder(fs);
                }
            }
            // 2. backfill, newest first
            if (fs.backfillLowUid() == 0) {
                long[] all = UidCommands.search(folder, since == null ? "ALL" : "SINCE " + IMAP_DATE.format(since));
                long top = uidNext > 0 ? uidNext - 1 : all.length == 0 ? 0 : all[all.length - 1];
                all = below(all, top + 1);
                fs = new FolderSync(name, uidValidity, top, fs.highestModSeq(), top + 1, fs.stored(), 0, all.length);
                saveFolder(fs); // nothing below top+1 is claimed stored: the checkpoint stays honest
                fs = fetchDescending(folder, name, uidValidity, fs, all, counts);
            } else if (!fs.backfillComplete()) {
                long[] rest = new long[0];
                if (fs.backfillLowUid() > 1) {
                    String criteria = "UID 1:" + (fs.backfillLowUid() - 1) + (since == null ? "" : " SINCE " + IMAP_DATE.format(since));
                    rest = below(UidCommands.search(folder, criteria), fs.backfillLowUid());
                }
                fs = fetchDescending(folder, name, uidValidity, fs, rest, counts);
            }
            // 3. expunged mail without QRESYNC: compare the server's UIDs with the stored ones when the folder changed
            if (!resyncing) {
                long count = folder.getMessageCount();
                long[] seen = lastSeen.get(name);
                if (seen == null || seen[0] != count || seen[1] != uidNext) {
                    counts.gone += reconcileExpunged(folder, name, uidValidity, fs);
                    lastSeen.put(name, new long[]{count, uidNext});
                }
            }
            // 4. HIGHESTMODSEQ as of the EXAMINE: every change after it will be reported next time
            if (!stopped && selectModSeq > 0 && selectModSeq != fs.highestModSeq()) {
                fs = with(fs, fs.lastUid(), selectModSeq);
                saveFolder(fs);
            }
        } finally {
            if (folder.isOpen()) folder.close(false);
        }
    }

    private static List<MailEvent> openPlain(IMAPFolder folder) throws MessagingException {
        folder.open(Folder.READ_ONLY);
        return List.of();
    }

    /** UIDs the server reported VANISHED (QRESYNC) are marked gone. */
    private long goneFromEvents(String name, long uidValidity, List<MailEvent> events) {
        long n = 0;
        for (MailEvent e : events == null ? List.<MailEvent>of() : events) {
            if (!(e instanceof MessageVanishedEvent vanished)) continue;
            for (long uid : vanished.getUIDs()) {
                if (intake.gone(new MessageLocation(mailboxId, name, uidValidity, uid, false)).isPresent()) n++;
            }
        }
        if (n > 0) {
            commits.commit();
            log.info("mailbox {} folder '{}': {} message(s) reported VANISHED marked gone", mailboxId, name, n);
        }
        return n;
    }

    private static FolderSync with(FolderSync fs, long lastUid, long highestModSeq) {
        return new FolderSync(fs.folder(), fs.uidValidity(), lastUid, highestModSeq, fs.backfillLowUid(), fs.stored(),
                fs.backfillDone(), fs.backfillTotal());
    }

    /** A folder's checkpoint after storing batches, and whether every batch was stored (not stopped early). */
    private record Progress(FolderSync checkpoint, boolean complete) {
    }

    private Progress fetchAscending(IMAPFolder folder, String name, long uidValidity, FolderSync fs, long[] uids,
                                    Counts counts) throws MessagingException {
        return storeBatches(folder, name, uidValidity, fs, batches(folder, uids), counts, (before, batch) -> {
            long max = batch[batch.length - 1];
            return new FolderSync(name, uidValidity, Math.max(before.lastUid(), max), before.highestModSeq(),
                    before.backfillLowUid(), before.stored() + batch.length, before.backfillDone(), before.backfillTotal());
        });
    }

    private FolderSync fetchDescending(IMAPFolder folder, String name, long uidValidity, FolderSync fs, long[] uids,
                                       Counts counts) throws MessagingException {
        Progress progress = storeBatches(folder, name, uidValidity, fs, batches(folder, reverse(uids)), counts, (before, batch) -> {
            long min = Arrays.stream(batch).min().orElse(before.backfillLowUid());
            return new FolderSync(name, uidValidity, before.lastUid(), before.highestModSeq(),
                    Math.min(before.backfillLowUid(), min), before.stored() + batch.length,
                    Math.min(before.backfillTotal(), before.backfillDone() + batch.length), before.backfillTotal());
        });
        fs = progress.checkpoint();
        if (progress.complete()) {
            fs = new FolderSync(name, uidValidity, fs.lastUid(), fs.highestModSeq(), Math.max(1, fs.backfillLowUid()),
                    fs.stored(), fs.backfillTotal(), fs.backfillTotal());
            saveFolder(fs);
        }
        return fs;
    }

    /**
     * Stores the batches in order, each written before the checkpoint {@code advance} computes from it, and both made
     * durable by one commit, shared with the batches and folders around it ({@link SharedCommit}).
     * Batch n+1 is fetched and parsed on a thread of its own while batch n is accepted and committed on this one
     * (see {@link Prefetcher}): the store's writes, the checkpoints and the counts stay on this thread, in order,
     * and the IMAP connection is used by the prefetch alone until it is closed.
     */
    private Progress storeBatches(IMAPFolder folder, String name, long uidValidity, FolderSync fs, List<long[]> batches,
                                  Counts counts, BiFunction<FolderSync, long[], FolderSync> advance)
            throws MessagingException {
        if (batches.isEmpty()) return new Progress(fs, !stopped);
        try (var prefetch = new Prefetcher<ParsedBatch>("fetch-" + mailboxId, batches.size(),
                i -> fetchAndParse(folder, batches.get(i)), () -> stopped, settings.threads())) {
            ParsedBatch batch;
            long waited = 0;
            long storing = 0;
            long asked = System.nanoTime();
            while (!stopped && (batch = prefetch.next()) != null) {
                waited += System.nanoTime() - asked;
                precedence.yieldIfBusy(() -> stopped);
                long started = System.nanoTime();
                var stored = store(name, uidValidity, batch, counts);
                fs = advance.apply(fs, batch.requested());
                // the checkpoint is written after the messages it covers and made durable by the same commit
                store.mailboxes().saveFolder(mailboxId, fs);
                commits.wrote(stored.size(), () -> listener.stored(mailboxId, name, stored));
                long work = System.nanoTime() - started;
                storing += work;
                precedence.worked(Duration.ofNanos(work));
                asked = System.nanoTime();
            }
            // what the overlap left on this thread: waiting for a fetch means the store is faster than the wire
            log.debug("mailbox {} folder '{}': {} batch(es), {} ms waiting for fetch and parse, {} ms storing",
                    mailboxId, name, prefetch.delivered(), waited / 1_000_000, storing / 1_000_000);
            return new Progress(fs, !stopped && prefetch.delivered() == batches.size());
        }
    }

    /**
     * One batch fetched and parsed, its raw bytes already dropped (only the parsed form waits in memory).
     *
     * @param requested the UIDs asked for, in checkpoint order
     * @param uids      the UIDs the server returned (expunged ones are absent), in the order of {@code mails}
     */
    private record ParsedBatch(long[] requested, long[] uids, List<MailMessage> mails, long bytes) {
    }

    /** Fetches one batch (on the prefetch thread) and parses it: on every core, or on one while requests wait. */
    private ParsedBatch fetchAndParse(IMAPFolder folder, long[] batch) throws MessagingException {
        long[] sorted = batch.clone();
        Arrays.sort(sorted);
        List<UidCommands.RawMessage> raw = UidCommands.bodies(folder, UidCommands.uidSet(sorted));
        List<MailMessage> parsed = precedence.parse(raw, m -> parser.parse(m.bytes()));
        long[] uids = raw.stream().mapToLong(UidCommands.RawMessage::uid).toArray();
        long bytes = raw.stream().mapToLong(m -> m.bytes().length).sum();
        return new ParsedBatch(batch, uids, parsed, bytes);
    }

    /**
     * Accepts one parsed batch, without committing: the caller writes the checkpoint after it, and one commit
     * ({@link SharedCommit}) makes both durable.
     */
    private List<StoredMessage> store(String name, long uidValidity, ParsedBatch batch, Counts counts) {
        var incoming = new ArrayList<Intake.Incoming>(batch.mails().size());
        for (int i = 0; i < batch.mails().size(); i++) {
            MailMessage mail = batch.mails().get(i);
            long uid = batch.uids()[i];
            if (!mail.warnings().isEmpty()) {
                counts.warnings++;
                log.debug("mailbox {} folder '{}' UID {}: parse warnings {}", mailboxId, name, uid, mail.warnings());
            }
            incoming.add(new Intake.Incoming(mail, new MessageLocation(mailboxId, name, uidValidity, uid, false)));
        }
        List<StoredMessage> stored;
        try {
            stored = intake.acceptAll(incoming);
        } catch (BatchItemException e) {
            // never skipped (that would lose it): the batch is retried, and the error names the message
            throw new IllegalStateException("folder '" + name + "' UID " + batch.uids()[e.index()] + " could not be stored: "
                    + describe(e.getCause()), e);
        }
        counts.fetched += batch.mails().size();
        counts.bytes += batch.bytes();
        return stored;
    }

    /**
     * Splits UIDs (in the given order) into batches bounded by message count and total size. The first batch is
     * small: nothing overlaps its fetch and parse (see {@link #storeBatches}), so storing starts after a short
     * wait and the next, full batch is fetched meanwhile.
     */
    private List<long[]> batches(IMAPFolder folder, long[] uids) throws MessagingException {
        var out = new ArrayList<long[]>();
        int sizeQuery = Math.max(settings.fetchBatchMessages() * 4, 1000);
        for (int from = 0; from < uids.length; from += sizeQuery) {
            long[] slice = Arrays.copyOfRange(uids, from, Math.min(uids.length, from + sizeQuery));
            long[] sorted = slice.clone();
            Arrays.sort(sorted);
            Map<Long, Long> sizes = UidCommands.sizes(folder, UidCommands.uidSet(sorted));
            var current = new ArrayList<Long>();
            long bytes = 0;
            for (long uid : slice) {
                Long size = sizes.get(uid);
                if (size == null) continue; // expunged since the search
                int limit = out.isEmpty() ? Math.min(FIRST_BATCH_MESSAGES, settings.fetchBatchMessages())
                        : settings.fetchBatchMessages();
                if (!current.isEmpty() && (current.size() >= limit || bytes + size > settings.fetchBatchBytes())) {
                    out.add(current.stream().mapToLong(Long::longValue).toArray());
                    current.clear();
                    bytes = 0;
                }
                current.add(uid);
                bytes += size;
            }
            if (!current.isEmpty()) out.add(current.stream().mapToLong(Long::longValue).toArray());
        }
        return out;
    }

    /** Marks every live location of this folder gone (before a rescan re-adds the ones still there). */
    private long markAllGone(String folder) {
        long n = 0;
        for (StoredMessage m : store.messages().findByMailbox(mailboxId, folder)) {
            for (MessageLocation l : m.locations()) {
                if (l.mailboxId().equals(mailboxId) && l.folder().equals(folder) && !l.gone()) {
                    intake.gone(l);
                    n++;
                }
            }
        }
        return n;
    }

    /** Stored locations of this folder whose UID the server no longer has are marked gone. */
    private long reconcileExpunged(IMAPFolder folder, String name, long uidValidity, FolderSync fs) throws MessagingException {
        if (fs.lastUid() == 0) return 0;
        Set<Long> onServer = new HashSet<>();
        for (long uid : UidCommands.search(folder, "UID 1:" + fs.lastUid())) onServer.add(uid);
        long n = 0;
        for (StoredMessage m : store.messages().findByMailbox(mailboxId, name)) {
            for (MessageLocation l : m.locations()) {
                if (l.mailboxId().equals(mailboxId) && l.folder().equals(name) && !l.gone()
                        && l.uidValidity() == uidValidity && l.uid() <= fs.lastUid() && !onServer.contains(l.uid())) {
                    intake.gone(l);
                    n++;
                }
            }
        }
        if (n > 0) {
            commits.commit();
            log.info("mailbox {} folder '{}': {} message(s) expunged on the server marked gone", mailboxId, name, n);
        }
        return n;
    }

    /**
     * Waits in IDLE on the watched folder (or polls) until something changes, the IDLE is due for renewal or
     * {@link #wakeUp()} is called. Returns true when the only news is the server announcing a change in the
     * watched folder: then reading that folder is enough.
     */
    private boolean waitForChanges(IMAPStore imap) throws MessagingException, InterruptedException {
        Duration wait = settings.pollInterval().compareTo(settings.idleRenewal()) < 0
                ? settings.pollInterval() : settings.idleRenewal();
        if (!imap.hasCapability("IDLE")) {
            pause(wait);
            return false;
        }
        if (wakeSignal.tryAcquire()) return false; // woken before the wait began
        var watched = (IMAPFolder) imap.getFolder(idleFolder);
        watched.open(Folder.READ_ONLY);
        try {
            FolderSync fs = mailbox().folderSync().get(idleFolder);
            if (fs != null && watched.getUIDNext() > fs.lastUid() + 1) return true; // arrived since the pass
            idling = watched;
            var timedOut = new java.util.concurrent.atomic.AtomicBoolean();
            // ends the IDLE when it is due for renewal or the sync stops; repeated because a DONE sent
            // just before the IDLE command itself would be lost
            Thread breaker = Thread.ofVirtual().name("idle-timer-" + mailboxId).start(() -> {
                try {
                    stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                    timedOut.set(true);
                    while (!Thread.currentThread().isInterrupted()) {
                        breakIdle();
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the IDLE ended: nothing left to break
                }
            });
            try {
                if (!stopped) watched.idle(true);
            } finally {
                idling = null;
                breaker.interrupt();
            }
            // woken by wakeUp() (a permit left behind) or by the renewal timer: a full pass
            boolean wokenUp = wakeSignal.tryAcquire();
            if (wokenUp) wakeSignal.drainPermits();
            return !timedOut.get() && !wokenUp && !stopped;
        } finally {
            if (watched.isOpen()) watched.close(false);
        }
    }

    private void breakIdle() {
        IMAPFolder f = idling;
        if (f == null) return;
        try {
            f.doCommand(p -> null); // any command on the folder ends its IDLE (Angus sends DONE)
        } catch (MessagingException | RuntimeException e) {
            log.debug("mailbox {}: ending IDLE failed ({}): the read timeout will end it", mailboxId, describe(e));
        }
    }

    private void retryLater(RetryDelays backoff, String error, Exception e) {
        Duration delay = backoff.after(e);
        String message = error + " (retrying in " + Math.max(1, delay.toSeconds()) + " s)";
        log.warn("mailbox {} sync failed, attempt {}: {}", mailboxId, backoff.failures(e), message,
                log.isDebugEnabled() ? e : null);
        recordError(message);
        pause(delay);
    }

    /**
     * Saves the error state when the store can take it. When the store itself is what failed, saving would
     * fail too and end this mailbox's thread: the poller would be gone for good once the store came back.
     */
    private void recordError(String message) {
        try {
            setState(SyncState.ERROR, message);
        } catch (StoreUnavailableException e) {
            log.warn("mailbox {}: error state not saved, the store is unavailable ({})", mailboxId, e.getMessage());
        }
    }

    private void pause(Duration d) {
        try {
            if (wakeSignal.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS) && !stopped) wakeSignal.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /**
     * Waits while requests take precedence; ends early only when the sync stops. Unlike {@link #pause}, it leaves a
     * {@link #wakeUp()} for the wait after the pass, so news of new mail is not used up by a pause in a backfill.
     */
    private void yieldFor(Duration d) {
        try {
            stopSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private Mailbox mailbox() {
        return store.mailboxes().find(mailboxId)
                .orElseThrow(() -> new IllegalStateException("mailbox " + mailboxId + " no longer exists"));
    }

    private void setState(SyncState state, String error) {
        Mailbox current = store.mailboxes().find(mailboxId).orElse(null);
        if (current == null) return;
        if (current.state() == state && java.util.Objects.equals(current.lastError(), error)) return;
        store.mailboxes().saveState(mailboxId, state, error);
        commits.commit();
        listener.stateChanged(mailboxId, state, error);
    }

    /** Writes a checkpoint, durable with the next commit (those before it are, with it or earlier). */
    private void saveFolder(FolderSync fs) {
        store.mailboxes().saveFolder(mailboxId, fs);
        commits.wrote(0, null);
    }

    private static FolderSync withValidity(FolderSync fs, long uidValidity) {
        return new FolderSync(fs.folder(), uidValidity, fs.lastUid(), fs.highestModSeq(), fs.backfillLowUid(),
                fs.stored(), fs.backfillDone(), fs.backfillTotal());
    }

    private static long[] above(long[] uids, long floor) {
        return Arrays.stream(uids).filter(u -> u > floor).toArray();
    }

    private static long[] below(long[] uids, long ceiling) {
        return Arrays.stream(uids).filter(u -> u < ceiling).toArray();
    }

    private static long[] reverse(long[] uids) {
        long[] out = new long[uids.length];
        for (int i = 0; i < uids.length; i++) out[i] = uids[uids.length - 1 - i];
        return out;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

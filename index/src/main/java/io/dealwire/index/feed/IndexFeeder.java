package io.dealwire.index.feed;

import io.dealwire.core.message.MessageRepository;
import io.dealwire.index.MessageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the index in step with the store: reads the messages written after the index's position
 * ({@link MessageRepository#changedSince}), indexes them and commits with the new position. Indexing is
 * idempotent, so a crash between a write and a commit only means some messages are indexed twice.
 *
 * <p>Near-real-time: {@link #runEvery} polls on a thread of its own; {@link #poke()} wakes it at
 * once after a write, and a refresh makes the message searchable within {@link #SEARCHABLE_WITHIN} of being
 * indexed; while the store is far ahead (a backfill), refreshes are rarer ({@link RefreshSchedule}). Commits
 * (an fsync) happen at most every {@link #COMMIT_INTERVAL} while mail streams in, and at the end of
 * {@link #catchUp()} and {@link #rebuild}.
 */
public final class IndexFeeder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    public static final int BATCH = 500;
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);
    /** How long a drain that keeps finding new messages indexes before making them searchable. */
    static final Duration SEARCHABLE_WITHIN = Duration.ofMillis(500);
    /** How often what is indexed is made searchable while {@link #STREAM} or more messages wait for it (a backfill). */
    static final Duration REFRESH_WHILE_STREAMING = Duration.ofSeconds(2);
    static final long STREAM = 250;
    /** How often what is indexed is made searchable while the store is at least {@link #FAR_BEHIND} messages ahead. */
    static final Duration REFRESH_WHILE_FAR_BEHIND = Duration.ofSeconds(5);
    static final long FAR_BEHIND = 5L * BATCH;

    private final MessageRepository messages;
    private final MessageIndex index;
    /** One writer at a time: the polling loop, a catch-up and a rebuild never interleave. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Released by {@link #poke()}: never waits, so a sync thread that stored a batch is not held up by a drain or a rebuild. */
    private final Semaphore poked = new Semaphore(0);
    /** Written only under {@link #lock}; volatile so status reads never wait for a catch-up or rebuild. */
    private volatile long indexedSeq;
    private long lastCommitNanos = System.nanoTime();
    /** Written only under {@link #lock}. */
    private final RefreshSchedule refreshes = new RefreshSchedule(SEARCHABLE_WITHIN, REFRESH_WHILE_STREAMING, STREAM,
            REFRESH_WHILE_FAR_BEHIND, FAR_BEHIND, System::nanoTime);
    private volatile Thread loop;
    private volatile boolean closed;

    public IndexFeeder(MessageRepository messages, MessageIndex index) {
        this.messages = messages;
        this.index = index;
        this.indexedSeq = index.lastIndexedSeq();
    }

    /**
     * Indexes everything written since the index's last commit, then commits. Returns how many messages.
     * An index ahead of the store (the store was replaced or restored from an older backup) holds
     * messages the store no longer vouches for: it is rebuilt instead.
     */
    public long catchUp() {
        lock.lock();
        try {
            if (messages.lastSeq() < indexedSeq) {
                log.warn("the search index is at store position {} but the store is only at {}: rebuilding the index",
                        indexedSeq, messages.lastSeq());
                return rebuild(ProgressListener.NONE);
            }
            long n = index.bulk(() -> drain(ProgressListener.NONE, 0, 0));
            refreshes.refreshed(); // the bulk ends with a refresh
            commit();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Wipes the index and refills it from the whole store, telling {@code progress} as it goes. */
    public long rebuild(ProgressListener progress) {
        lock.lock();
        try {
            long total = messages.count();
            log.info("rebuilding the search index from {} stored messages", total);
            long n = index.bulk(() -> {
                index.deleteAll();
                indexedSeq = 0;
                progress.progress(0, total);
                return drain(progress, 0, total);
            });
            refreshes.refreshed();
            commit();
            progress.progress(n, Math.max(n, total));
            log.info("search index rebuilt: {} messages", n);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts polling the store every {@code interval} (and at once on {@link #poke()}) on a thread of {@code threads}
     * (the service's background threads). Errors are logged and retried at the next round: the store stays the reference.
     */
    public synchronized void runEvery(Duration interval, java.util.concurrent.ThreadFactory threads) {
        if (loop != null) throw new IllegalStateException("the index feeder is already running");
        loop = threads.newThread(() -> {
            try {
                // in bulk for as long as it runs: the index's own periodic refresh would cut a backfill into tiny
                // segments that Lucene then spends its time merging; the feeder refreshes on its own schedule
                index.bulk(() -> {
                    poll(interval);
                    return null;
                });
            } catch (RuntimeException e) {
                if (!closed) log.error("the index feeder stopped", e);
                else log.debug("the index could not be refreshed as the feeder stopped: {}", e.toString());
            }
        });
        loop.setName("index-feeder");
        loop.start();
    }

    private void poll(Duration interval) {
        while (!closed) {
            try {
                waitForWork(Math.min(interval.toNanos(), refreshNanosUntilDue()));
                if (closed) break;
                lock.lock();
                try {
                    drain(ProgressListener.NONE, 0, 0);
                    if (refreshes.nanosUntilDue() == 0) refresh();
                    if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) commit();
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("indexing new messages failed; retrying at the next round", e);
            }
        }
    }

    private long refreshNanosUntilDue() {
        lock.lock();
        try {
            return refreshes.nanosUntilDue();
        } finally {
            lock.unlock();
        }
    }

    private void refresh() {
        index.refresh();
        refreshes.refreshed();
    }

    /** A message was just stored: index it now rather than at the next poll. */
    public void poke() {
        if (poked.availablePermits() == 0) poked.release();
    }

    /** Store position indexed so far (searchable; durable once committed). */
    public long indexedSeq() {
        // No lock: /api/health reads this on the event loop, and a rebuild holds the lock for minutes.
        return indexedSeq;
    }

    private void waitForWork(long nanos) throws InterruptedException {
        poked.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        poked.drainPermits();
    }

    /**
     * Indexes batches until the store has nothing newer. Unless rebuilding ({@code total > 0}: one refresh at the
     * end), what is indexed becomes searchable on the {@link RefreshSchedule}; the caller refreshes what is left
     * when it is due.
     */
    private long drain(ProgressListener progress, long done, long total) {
        // a writer reopened after a failure holds only what its last commit held: index again from there
        index.afterReopen(committed -> indexedSeq = Math.min(indexedSeq, committed));
        long n = 0;
        while (true) {
            var batch = messages.changedSince(indexedSeq, BATCH);
            if (batch.isEmpty()) break;
            for (var m : batch) {
                index.index(m);
                indexedSeq = Math.max(indexedSeq, m.seq());
            }
            n += batch.size();
            refreshes.indexed(batch.size());
            if (total > 0) progress.progress(done + n, Math.max(total, done + n));
            // a batch shorter than asked for is the last: only a full one may leave the store far ahead
            long behind = batch.size() < BATCH ? 0 : Math.max(0, messages.lastSeq() - indexedSeq);
            if (total == 0 && refreshes.due(behind)) refresh();
        }
        return n;
    }

    private void commit() {
        index.commit(indexedSeq);
        lastCommitNanos = System.nanoTime();
    }

    /** Stops the loop and commits what was indexed. Does not close the index. */
    @Override
    public void close() {
        closed = true;
        var t = loop;
        if (t != null) {
            poke();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            commit();
        } finally {
            lock.unlock();
        }
    }
}

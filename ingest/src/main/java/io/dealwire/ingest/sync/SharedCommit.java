package io.dealwire.ingest.sync;

import io.dealwire.core.store.Store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One store commit for the writes of several batches and folders of a sync. A batch's messages are written, then
 * its folder's checkpoint, and neither is committed on its own: {@link #wrote} commits once
 * {@code maxMessages} messages wait or the first write has waited {@code maxDelay}, and the sync commits what is
 * left at the end of each pass ({@link #commit()}). An Enron mailbox has hundreds of folders of a few messages, each
 * of which paid two to five commits (an fsync each) of its own.
 *
 * <p>The checkpoint rule holds: a checkpoint is written after everything it covers, and a commit makes every write
 * before it durable (the embedded store persists nothing between commits; a MongoDB server persists writes in
 * order), so no checkpoint can outlive the messages below it, and a crash before the shared commit leaves every
 * folder it covers where its last commit left it. Listeners hear of stored messages only once they are committed
 * ({@link SyncListener#stored}).
 *
 * <p>Used by one sync thread: not thread-safe.
 */
final class SharedCommit {
    private final Store store;
    private final int maxMessages;
    private final long maxDelayNanos;
    private final LongSupplier clock;
    /** What to tell once the writes waiting now are committed, in the order they were written. */
    private final List<Runnable> onCommit = new ArrayList<>();
    private boolean pending;
    private long pendingMessages;
    private long firstPendingNanos;
    private long commits;

    SharedCommit(Store store, int maxMessages, Duration maxDelay) {
        this(store, maxMessages, maxDelay, System::nanoTime);
    }

    SharedCommit(Store store, int maxMessages, Duration maxDelay, LongSupplier nanoClock) {
        this.store = store;
        this.maxMessages = Math.max(1, maxMessages);
        this.maxDelayNanos = maxDelay.toNanos();
        this.clock = nanoClock;
    }

    /**
     * {@code messages} messages (0 for a checkpoint or a state alone) were just written; {@code afterCommit}, when
     * not null, runs once they are committed. Commits now when enough messages wait or the first waited long enough.
     */
    void wrote(int messages, Runnable afterCommit) {
        if (!pending) {
            pending = true;
            firstPendingNanos = clock.getAsLong();
        }
        pendingMessages += messages;
        if (afterCommit != null) onCommit.add(afterCommit);
        if (pendingMessages >= maxMessages || clock.getAsLong() - firstPendingNanos >= maxDelayNanos) commit();
    }

    /** Commits every write so far (those of other callers too), then tells what waited for it. */
    void commit() {
        store.commit();
        commits++;
        pending = false;
        pendingMessages = 0;
        var tell = List.copyOf(onCommit);
        onCommit.clear();
        for (var r : tell) r.run();
    }

    /** Commits only when writes wait: the end of a pass that may have written nothing. */
    void commitPending() {
        if (pending) commit();
    }

    /** Whether writes wait for a commit. */
    boolean pending() {
        return pending;
    }

    /** Commits made so far (for the sync's debug log and tests). */
    long commits() {
        return commits;
    }
}

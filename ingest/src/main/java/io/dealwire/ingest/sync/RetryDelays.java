package io.dealwire.ingest.sync;

import io.dealwire.core.store.StoreUnavailableException;

import java.time.Duration;

/**
 * How long a mailbox waits after a failed attempt, by what failed. The IMAP server or the network: exponential
 * backoff with jitter up to {@link SyncSettings#backoffMax()}, so a server in trouble is not hammered. Our own
 * store being unavailable: the same backoff capped at {@link SyncSettings#storeRetryMax()}, because the wait
 * costs the server nothing (each attempt first asks the store, before connecting) and every mailbox should resume
 * within seconds once the store is back, not sleep off minutes grown during the outage. Each kind counts its own
 * failures; a successful pass resets both.
 */
final class RetryDelays {
    private final Backoff server;
    private final Backoff store;

    RetryDelays(SyncSettings settings) {
        this.server = new Backoff(settings.backoffBase(), settings.backoffMax());
        Duration storeMax = settings.storeRetryMax().compareTo(settings.backoffMax()) < 0
                ? settings.storeRetryMax() : settings.backoffMax();
        this.store = new Backoff(settings.backoffBase(), storeMax);
    }

    /** The delay before the next attempt after {@code failure}. */
    Duration after(Throwable failure) {
        return backoffFor(failure).next();
    }

    /** Consecutive failures of the same kind as {@code failure}, for the log. */
    int failures(Throwable failure) {
        return backoffFor(failure).failures();
    }

    void reset() {
        server.reset();
        store.reset();
    }

    private Backoff backoffFor(Throwable failure) {
        return storeUnavailable(failure) ? store : server;
    }

    /** True when the store being away caused the failure, however the sync wrapped it. */
    static boolean storeUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}

package io.dealwire.ingest.sync;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Tunables of IMAP sync.
 *
 * @param connectTimeout          TCP connect timeout (Angus's default is infinite)
 * @param readTimeout             socket read timeout; also bounds a stalled server
 * @param writeTimeout            socket write timeout
 * @param pollInterval            how often folders are checked when IDLE is missing (and the longest IDLE wait)
 * @param idleRenewal             IDLE is re-issued at least this often (RFC 2177: before 29 minutes)
 * @param fetchBatchMessages      at most this many messages per UID FETCH
 * @param fetchBatchBytes         at most this many message bytes per UID FETCH (one oversize message still goes alone)
 * @param maxConnectionsPerServer concurrent connections to one host
 * @param backoffBase             first retry delay after a failure
 * @param backoffMax              longest retry delay
 * @param storeRetryMax           longest retry delay while the store is unavailable: the store is ours and comes back
 *                                by itself (a restart, space freed), and then every mailbox should resume within seconds
 *                                instead of sleeping off a backoff grown during the outage
 * @param commitDelay             longest time stored messages and checkpoints wait for a store commit shared with the
 *                                batches and folders after them (see {@link SharedCommit}); a batch of
 *                                {@code fetchBatchMessages} or the end of a pass commits at once
 * @param threads                 makes each mailbox's sync thread and its prefetch threads: virtual threads by default;
 *                                the service gives them platform threads of a lower priority, so that a backfill uses
 *                                the CPU that people's requests leave (ADR 7)
 */
public record SyncSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration pollInterval,
        Duration idleRenewal,
        int fetchBatchMessages,
        long fetchBatchBytes,
        int maxConnectionsPerServer,
        Duration backoffBase,
        Duration backoffMax,
        Duration storeRetryMax,
        Duration commitDelay,
        ThreadFactory threads) {

    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMinutes(25), 500, 16L * 1024 * 1024, 8,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Thread.ofVirtual().factory());
    }

    public SyncSettings withPollInterval(Duration poll) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, poll, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, maxConnectionsPerServer, backoffBase, backoffMax, storeRetryMax, commitDelay, threads);
    }

    public SyncSettings withTimeouts(Duration connect, Duration read) {
        return new SyncSettings(connect, read, writeTimeout, pollInterval, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, maxConnectionsPerServer, backoffBase, backoffMax, storeRetryMax, commitDelay, threads);
    }

    public SyncSettings withFetchBatch(int messages, long bytes) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, pollInterval, idleRenewal, messages, bytes,
                maxConnectionsPerServer, backoffBase, backoffMax, storeRetryMax, commitDelay, threads);
    }

    public SyncSettings withBackoff(Duration base, Duration max) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, pollInterval, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, maxConnectionsPerServer, base, max, storeRetryMax, commitDelay, threads);
    }

    public SyncSettings withMaxConnectionsPerServer(int max) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, pollInterval, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, max, backoffBase, backoffMax, storeRetryMax, commitDelay, threads);
    }

    public SyncSettings withStoreRetryMax(Duration max) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, pollInterval, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, maxConnectionsPerServer, backoffBase, backoffMax, max, commitDelay, threads);
    }

    public SyncSettings withCommitDelay(Duration delay) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, pollInterval, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, maxConnectionsPerServer, backoffBase, backoffMax, storeRetryMax, delay, threads);
    }

    public SyncSettings withThreads(ThreadFactory factory) {
        return new SyncSettings(connectTimeout, readTimeout, writeTimeout, pollInterval, idleRenewal, fetchBatchMessages,
                fetchBatchBytes, maxConnectionsPerServer, backoffBase, backoffMax, storeRetryMax, commitDelay, factory);
    }
}

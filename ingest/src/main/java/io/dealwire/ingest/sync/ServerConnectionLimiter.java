package io.dealwire.ingest.sync;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Caps concurrent connections per IMAP host, so many mailboxes on one company server do not
 * trip its per-IP limits. A mailbox that sees others waiting gives its connection up between passes.
 */
final class ServerConnectionLimiter {
    private final int perServer;
    private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    ServerConnectionLimiter(int perServer) {
        this.perServer = Math.max(1, perServer);
    }

    void acquire(String host) throws InterruptedException {
        semaphore(host).acquire();
    }

    void release(String host) {
        semaphore(host).release();
    }

    boolean othersWaiting(String host) {
        return semaphore(host).hasQueuedThreads();
    }

    private Semaphore semaphore(String host) {
        return permits.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(perServer, true));
    }
}

package io.dealwire.index.feed;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the feeder makes what it indexed searchable. Each refresh flushes a segment that Lucene later merges, so
 * refreshing after every poke (a sync commits every batch, or every second across small folders) cut a backfill
 * into small segments and paid for merging them. Here:
 * <ul>
 *   <li>a few messages waiting (new mail): a refresh at most every {@code searchableWithin}, and at once when the
 *       last one is older, so a new message is searchable within that delay of being indexed;</li>
 *   <li>a stream ({@code streamMessages} or more waiting: a backfill the feeder keeps up with), every
 *       {@code whileStreaming};</li>
 *   <li>far behind the store ({@code farBehindMessages} or more still to index: a backfill the feeder trails, a
 *       catch-up after a restart), every {@code whileFarBehind}.</li>
 * </ul>
 * A backfill thus still shows up within seconds, in fewer and larger segments (on Enron, refreshing every 100
 * messages cost three times the process CPU per message of refreshing every 5,000, merges included).
 * Used under the feeder's lock: not thread-safe.
 */
final class RefreshSchedule {
    private final long searchableWithinNanos;
    private final long whileStreamingNanos;
    private final long streamMessages;
    private final long whileFarBehindNanos;
    private final long farBehindMessages;
    private final LongSupplier clock;
    private long lastRefresh;
    private long unrefreshed;

    RefreshSchedule(Duration searchableWithin, Duration whileStreaming, long streamMessages, Duration whileFarBehind,
                    long farBehindMessages, LongSupplier nanoClock) {
        this.searchableWithinNanos = searchableWithin.toNanos();
        this.whileStreamingNanos = whileStreaming.toNanos();
        this.streamMessages = streamMessages;
        this.whileFarBehindNanos = whileFarBehind.toNanos();
        this.farBehindMessages = farBehindMessages;
        this.clock = nanoClock;
        this.lastRefresh = nanoClock.getAsLong() - searchableWithinNanos; // the first refresh is due at once
    }

    /** {@code n} messages were indexed and are not searchable yet. */
    void indexed(long n) {
        unrefreshed += n;
    }

    /** Whether indexed messages wait for a refresh. */
    boolean pending() {
        return unrefreshed > 0;
    }

    /** Whether to refresh now, with {@code behind} messages still to index. */
    boolean due(long behind) {
        if (unrefreshed == 0) return false;
        return clock.getAsLong() - lastRefresh >= every(behind);
    }

    /** Caught up: how long until the messages waiting are due (0: now; {@link Long#MAX_VALUE}: none wait). */
    long nanosUntilDue() {
        if (unrefreshed == 0) return Long.MAX_VALUE;
        return Math.max(0, lastRefresh + every(0) - clock.getAsLong());
    }

    private long every(long behind) {
        if (behind >= farBehindMessages) return whileFarBehindNanos;
        return unrefreshed >= streamMessages ? whileStreamingNanos : searchableWithinNanos;
    }

    /** A refresh was just made. */
    void refreshed() {
        lastRefresh = clock.getAsLong();
        unrefreshed = 0;
    }
}

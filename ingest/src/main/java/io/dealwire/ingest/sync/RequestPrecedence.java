package io.dealwire.ingest.sync;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Gives requests precedence over a mailbox's sync: while the {@link RequestLoad} reports requests in flight,
 * messages are parsed on one thread instead of every core, and before each batch the sync pauses for as long
 * as it worked since its last pause (at most {@link #MAX_PAUSE}), ending the pause as soon as no request waits.
 * A sync therefore keeps at least half its pace under any load: a busy API slows it, never starves it.
 *
 * <p>One instance per mailbox sync; {@link #worked} and {@link #yieldIfBusy} are called by its sync thread,
 * {@link #parse} by whichever thread parses.
 */
final class RequestPrecedence {
    /** Longest single pause: bounds how much a busy API delays a batch. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(1);
    /** How often a pause checks whether requests are still in flight. */
    static final Duration STEP = Duration.ofMillis(20);

    /** Waits for a duration; the sync's own wait ends early when it is stopped. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d);
    }

    private final RequestLoad load;
    private final Sleeper sleeper;
    private final Duration maxPause;
    private final Duration step;
    /** Work done since the last pause, in nanoseconds: what the next pause may give back. */
    private long owed;

    RequestPrecedence(RequestLoad load, Sleeper sleeper) {
        this(load, sleeper, MAX_PAUSE, STEP);
    }

    RequestPrecedence(RequestLoad load, Sleeper sleeper, Duration maxPause, Duration step) {
        this.load = load;
        this.sleeper = sleeper;
        this.maxPause = maxPause;
        this.step = step;
    }

    boolean busy() {
        return load.inFlight() > 0;
    }

    /** Parses every item, in order: on every core when no request waits, on the calling thread alone otherwise. */
    <T, R> List<R> parse(List<T> items, Function<T, R> parse) {
        return busy() ? items.stream().map(parse).toList() : items.parallelStream().map(parse).toList();
    }

    /** Records work the sync did (a batch accepted and committed), which a later pause may give back. */
    void worked(Duration work) {
        owed += Math.max(0, work.toNanos());
    }

    /** Forgets the work owed: a new pass starts (new mail announced by IDLE is stored without a pause). */
    void reset() {
        owed = 0;
    }

    /**
     * While requests are in flight, pauses for up to the work owed (capped at the maximum pause), in steps, and
     * returns as soon as no request waits or {@code stopped} says so. The work owed is settled either way.
     *
     * @return the steps paused (0 when nobody waited)
     */
    int yieldIfBusy(BooleanSupplier stopped) {
        long budget = Math.min(owed, maxPause.toNanos());
        owed = 0;
        int steps = 0;
        for (long paused = 0; paused < budget && !stopped.getAsBoolean() && busy(); paused += step.toNanos()) {
            sleeper.sleep(step);
            steps++;
        }
        return steps;
    }
}

package io.dealwire.ingest.sync;

import io.dealwire.core.store.StoreUnavailableException;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryDelaysTest {
    private static final SyncSettings SETTINGS = SyncSettings.defaults()
            .withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5))
            .withStoreRetryMax(Duration.ofSeconds(5));

    private static final RuntimeException STORE_DOWN = new IllegalStateException("folder 'INBOX' UID 7 could not be stored",
            new StoreUnavailableException("the store is unavailable"));
    private static final MessagingException SERVER_DOWN = new MessagingException("connection refused");

    @Test
    void aLongStoreOutageNeverWaitsLongerThanTheStoreRetryMaximum() {
        var delays = new RetryDelays(SETTINGS);
        for (int i = 0; i < 40; i++) {
            Duration d = delays.after(STORE_DOWN);
            assertTrue(d.compareTo(Duration.ofSeconds(5)) <= 0, "attempt " + (i + 1) + " waits " + d);
            assertTrue(d.compareTo(Duration.ZERO) > 0);
        }
        assertEquals(40, delays.failures(STORE_DOWN));
    }

    @Test
    void aFailingServerStillBacksOffExponentiallyWithJitterUpToTheMaximum() {
        var delays = new RetryDelays(SETTINGS);
        Duration first = delays.after(SERVER_DOWN);
        assertTrue(first.compareTo(Duration.ofMillis(500)) >= 0 && first.compareTo(Duration.ofSeconds(1)) <= 0, "first " + first);
        Duration d = first;
        for (int i = 0; i < 19; i++) d = delays.after(SERVER_DOWN);
        // after 20 failures the exponential has reached the 5-minute cap: jitter keeps it in [cap/2, cap]
        assertTrue(d.compareTo(Duration.ofSeconds(150)) >= 0 && d.compareTo(Duration.ofMinutes(5)) <= 0, "twentieth " + d);
    }

    @Test
    void eachKindCountsItsOwnFailuresAndASuccessfulPassResetsBoth() {
        var delays = new RetryDelays(SETTINGS);
        for (int i = 0; i < 10; i++) delays.after(SERVER_DOWN);
        assertTrue(delays.after(STORE_DOWN).compareTo(Duration.ofSeconds(1)) <= 0,
                "the store's first failure starts at the base delay, whatever the server did before");
        assertEquals(10, delays.failures(SERVER_DOWN));
        assertEquals(1, delays.failures(STORE_DOWN));

        delays.reset();
        assertEquals(0, delays.failures(SERVER_DOWN));
        assertEquals(0, delays.failures(STORE_DOWN));
    }

    @Test
    void theStoreIsRecognisedHoweverTheFailureWasWrapped() {
        assertTrue(RetryDelays.storeUnavailable(new StoreUnavailableException("down")));
        assertTrue(RetryDelays.storeUnavailable(STORE_DOWN));
        assertFalse(RetryDelays.storeUnavailable(SERVER_DOWN));
        assertFalse(RetryDelays.storeUnavailable(new IllegalStateException("UID 3 could not be stored: bad date")));
    }

    @Test
    void aStoreRetryMaximumAboveTheBackoffMaximumIsCappedByIt() {
        var delays = new RetryDelays(SyncSettings.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .withStoreRetryMax(Duration.ofMinutes(1)));
        for (int i = 0; i < 10; i++) assertTrue(delays.after(STORE_DOWN).compareTo(Duration.ofMillis(400)) <= 0);
    }
}

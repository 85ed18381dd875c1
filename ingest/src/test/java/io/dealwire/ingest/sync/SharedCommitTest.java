package io.dealwire.ingest.sync;

import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedCommitTest {
    private final AtomicInteger storeCommits = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final Store store = countingCommits(new InMemoryStore());

    private Store countingCommits(Store base) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[]{Store.class}, (proxy, method, args) -> {
            if (method.getName().equals("commit")) storeCommits.incrementAndGet();
            return method.invoke(base, args);
        });
    }

    @Test
    void writesWaitUntilEnoughMessagesWait() {
        var commits = new SharedCommit(store, 10, Duration.ofSeconds(1), now::get);
        var told = new ArrayList<String>();
        commits.wrote(4, () -> told.add("a"));
        commits.wrote(0, null);
        commits.wrote(5, () -> told.add("b"));
        assertEquals(0, storeCommits.get());
        assertEquals(List.of(), told, "nothing told before the commit");
        assertTrue(commits.pending());

        commits.wrote(1, () -> told.add("c"));

        assertEquals(1, storeCommits.get());
        assertEquals(List.of("a", "b", "c"), told, "told in the order written");
        assertFalse(commits.pending());
    }

    @Test
    void writesWaitNoLongerThanTheDelay() {
        var commits = new SharedCommit(store, 500, Duration.ofSeconds(1), now::get);
        commits.wrote(3, null);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        commits.wrote(3, null);
        assertEquals(0, storeCommits.get());
        now.addAndGet(Duration.ofMillis(1).toNanos());
        commits.wrote(0, null);
        assertEquals(1, storeCommits.get(), "the first write waited a second");
        // the delay counts from the first write after a commit
        now.addAndGet(Duration.ofMillis(900).toNanos());
        commits.wrote(1, null);
        now.addAndGet(Duration.ofMillis(900).toNanos());
        commits.wrote(1, null);
        assertEquals(1, storeCommits.get(), "900 ms since the first write after the commit");
        now.addAndGet(Duration.ofMillis(100).toNanos());
        commits.wrote(1, null);
        assertEquals(2, storeCommits.get());
    }

    @Test
    void theEndOfAPassCommitsOnlyWhatWaits() {
        var commits = new SharedCommit(store, 500, Duration.ofSeconds(1), now::get);
        commits.commitPending();
        assertEquals(0, storeCommits.get(), "nothing written: no commit");
        var told = new ArrayList<String>();
        commits.wrote(2, () -> told.add("x"));
        commits.commitPending();
        assertEquals(1, storeCommits.get());
        assertEquals(List.of("x"), told);
        commits.commitPending();
        assertEquals(1, storeCommits.get());
    }
}

package io.dealwire.store.embedded;

import io.dealwire.store.StoreFactory;

import java.nio.file.Path;

/**
 * The process {@link KillTest} kills: writes messages m0..m(n-1), commits, says so, writes more
 * without committing, says so, and waits to be killed.
 */
public final class KilledWriter {
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        var store = StoreFactory.open(null, dataDir);
        EmbeddedDurabilityTest.writeMessages(store, 0, n);
        store.commit();
        System.out.println("COMMITTED " + n);
        EmbeddedDurabilityTest.writeMessages(store, n, n + 500);
        System.out.println("WROTE MORE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

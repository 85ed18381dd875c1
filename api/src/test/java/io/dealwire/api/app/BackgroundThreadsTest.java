package io.dealwire.api.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Background threads run their work at a lower priority, and only they do: never the rest of the process. */
class BackgroundThreadsTest {

    @Test
    void aBackgroundThreadRunsItsWorkAtALowerPriorityAndLeavesTheOthersAlone() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "per-thread priorities: Linux only");
        int before = niceOfThisThread();
        var seen = new CompletableFuture<int[]>();
        var thread = BackgroundThreads.factory().newThread(() -> {
            try {
                seen.complete(new int[]{niceOfThisThread(), Thread.currentThread().isVirtual() ? 1 : 0, Thread.currentThread().isDaemon() ? 1 : 0});
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
        });
        thread.setName("sync-test");
        thread.start();
        var inside = seen.get(60, TimeUnit.SECONDS);
        assertEquals(Math.min(19, before + BackgroundThreads.NICE), inside[0], "the background thread's nice value");
        assertEquals(0, inside[1], "a platform thread: a virtual one shares its carrier's priority");
        assertEquals(1, inside[2], "a daemon: it never holds the JVM up");
        assertEquals(before, niceOfThisThread(), "the thread that made it keeps its priority");

        var other = new CompletableFuture<Integer>();
        Thread.ofPlatform().start(() -> {
            try {
                other.complete(niceOfThisThread());
            } catch (IOException e) {
                other.completeExceptionally(e);
            }
        });
        assertEquals(before, other.get(60, TimeUnit.SECONDS), "a thread started afterwards keeps normal priority");
        assertFalse(thread.isVirtual());
        assertTrue(thread.getName().startsWith("sync-"));
    }

    /** Field 19 of /proc/thread-self/stat; the command name before it may hold spaces, so count after its ')'. */
    private static int niceOfThisThread() throws IOException {
        var stat = Files.readString(Path.of("/proc/thread-self/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}

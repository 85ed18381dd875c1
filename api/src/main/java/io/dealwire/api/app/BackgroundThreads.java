package io.dealwire.api.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads for the service's background work (mailbox syncs, their prefetch, the index feeder, index catch-up and
 * rebuilds): daemon platform threads that lower their own scheduling priority when they start, on Linux to nice
 * {@value #NICE}.
 *
 * <p>Why: a backfill keeps several threads computing (parse, intake, index) for minutes. At the same priority the
 * operating system gives them the same share of the cores as the threads answering people, whose searches then
 * wait behind them; at nice 10 a busy background thread gets about a tenth of a core's time when requests compete
 * for it, and every idle cycle otherwise. Virtual threads cannot carry a priority (they share carrier threads), hence
 * platform threads. On Linux, {@code setpriority(PRIO_PROCESS, tid, n)} changes one thread only; elsewhere it would
 * change the whole process, so other systems keep normal priority (logged once).
 */
final class BackgroundThreads {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundThreads.class);
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Native NATIVE = Native.load();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    /** Every user names its threads (sync-…, index-feeder, …). */
    private static final ThreadFactory PLATFORM = Thread.ofPlatform().daemon().factory();
    private static final ThreadFactory FACTORY = work -> PLATFORM.newThread(() -> {
        lowerCurrentThreadPriority();
        work.run();
    });

    private BackgroundThreads() {
    }

    /** The factory; each thread it makes is named by its user. */
    static ThreadFactory factory() {
        return FACTORY;
    }

    /** Starts {@code work} on a background thread of that name. */
    static void start(String name, Runnable work) {
        var thread = FACTORY.newThread(work);
        thread.setName(name);
        thread.start();
    }

    /** Lowers the calling platform thread's priority; does nothing where that is not possible (logged once). */
    static void lowerCurrentThreadPriority() {
        if (NATIVE == null) return;
        try {
            int tid = (int) NATIVE.gettid().invokeExact();
            int result = (int) NATIVE.setpriority().invokeExact(PRIO_PROCESS, tid, NICE);
            // a container may forbid it: the work runs at normal priority then, which costs latency, not correctness
            if (result != 0 && WARNED.compareAndSet(false, true))
                LOG.warn("background threads keep normal priority: setpriority returned {}", result);
        } catch (Throwable e) {
            throw new IllegalStateException("lowering a background thread's priority failed", e);
        }
    }

    /** libc's gettid and setpriority, found once; null where per-thread priorities are not available. */
    private record Native(MethodHandle gettid, MethodHandle setpriority) {
        static Native load() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                LOG.info("background threads keep normal priority: per-thread priorities are set on Linux only");
                return null;
            }
            try {
                var linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                var gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
                var setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                return new Native(gettid, setpriority);
            } catch (RuntimeException e) {
                LOG.info("background threads keep normal priority: {}", e.toString());
                return null;
            }
        }
    }
}

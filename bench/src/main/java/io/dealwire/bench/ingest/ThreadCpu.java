package io.dealwire.bench.ingest;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time used so far by the live threads of this process, summed by group: the intake (the thread running the
 * bench), the embedded store's server, the index feeder with Lucene's merges, and the rest. On a shared machine the
 * wall time of a run swings with the others' load; the CPU each part spends per message does not.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Nanoseconds of CPU by group, over the threads alive now. */
    static Map<String, Long> byGroup() {
        var bean = ManagementFactory.getThreadMXBean();
        var out = new TreeMap<String, Long>();
        for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info == null) continue;
            long nanos = bean.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) out.merge(group(info.getThreadName()), nanos, Long::sum);
        }
        return out;
    }

    /** "group=µs ..." per message between two readings, with the total. */
    static String perMessage(Map<String, Long> before, Map<String, Long> after, int messages) {
        var delta = new TreeMap<String, Long>();
        after.forEach((g, nanos) -> delta.put(g, nanos - before.getOrDefault(g, 0L)));
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        return delta.entrySet().stream().map(e -> String.format("%s=%.0f", e.getKey(), e.getValue() / 1e3 / messages))
                .collect(Collectors.joining(" ")) + String.format(" total=%.0f", total / 1e3 / messages);
    }

    private static String group(String thread) {
        if (thread.equals("main")) return "intake";
        if (thread.startsWith("mongo-server") || thread.startsWith("H2-") || thread.startsWith("MVStore")) return "store-server";
        if (thread.startsWith("index-feeder") || thread.startsWith("Lucene") || thread.startsWith("message-index")) return "index";
        return "other";
    }
}

package io.dealwire.bench.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The service's stop-the-world pauses within a window of a run, read from its JVM log
 * ({@link #JVM_ARG}): every safepoint (a GC pause or any other VM operation) stops the requests in flight
 * for its whole time, reaching the safepoint included, so a latency percentile is read against them.
 */
public final class StopTheWorld {
    /** The JVM option that writes the log this class reads, with wall-clock times. */
    public static String jvmArg(Path log) {
        return "-Xlog:gc,safepoint:file=" + log + ":utctime";
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern SAFEPOINT = Pattern.compile("^\\[([^\\]]+)\\] Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private static final Pattern GC_PAUSE = Pattern.compile("^\\[([^\\]]+)\\] GC\\(\\d+\\) (Pause [A-Za-z]+(?: \\([A-Za-z ]+\\))?).* ([0-9.]+)ms$");

    /** The pauses of one window: how many, their sum and the longest, and the longest GC pause's kind. */
    public record Summary(int safepoints, double totalMillis, double maxMillis, String longestGc, double longestGcMillis, int fullGcs) {
        @Override
        public String toString() {
            return String.format("%d safepoints stopping %.0f ms in all, longest %.1f ms; longest GC pause %s %.1f ms; %d full GCs",
                    safepoints, totalMillis, maxMillis, longestGc, longestGcMillis, fullGcs);
        }
    }

    private StopTheWorld() {
    }

    public static Summary within(Path log, Instant from, Instant to) throws IOException {
        return within(Files.exists(log) ? Files.readAllLines(log) : List.of(), from, to);
    }

    public static Summary within(List<String> lines, Instant from, Instant to) {
        int count = 0, full = 0;
        double total = 0, max = 0, longestGc = 0;
        String longestKind = "none";
        for (var line : lines) {
            var sp = SAFEPOINT.matcher(line);
            if (sp.find()) {
                if (!inside(sp.group(1), from, to)) continue;
                double ms = Long.parseLong(sp.group(3)) / 1e6;
                count++;
                total += ms;
                max = Math.max(max, ms);
                continue;
            }
            var gc = GC_PAUSE.matcher(line);
            if (gc.find() && inside(gc.group(1), from, to)) {
                double ms = Double.parseDouble(gc.group(3));
                if (gc.group(2).startsWith("Pause Full")) full++;
                if (ms > longestGc) {
                    longestGc = ms;
                    longestKind = gc.group(2);
                }
            }
        }
        return new Summary(count, total, max, longestKind, longestGc, full);
    }

    private static boolean inside(String time, Instant from, Instant to) {
        var t = OffsetDateTime.parse(time, UTC_TIME).toInstant();
        return !t.isBefore(from) && !t.isAfter(to);
    }
}

package io.dealwire.bench.stats;

import java.util.Arrays;

/** Latencies in nanoseconds, summarised as percentiles in milliseconds (nearest rank). */
public record Latencies(long[] nanos) {
    public static Latencies of(long[] nanos, int count) {
        var copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public int count() {
        return nanos.length;
    }

    public double percentileMillis(double p) {
        if (nanos.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public double maxMillis() {
        return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
    }
}

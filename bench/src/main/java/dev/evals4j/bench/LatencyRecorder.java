package dev.evals4j.bench;

import java.util.Arrays;

/**
 * Collects the latencies of successful calls and answers percentiles.
 *
 * <p>Thread-safe: calls finish on many threads.
 */
public final class LatencyRecorder {

    private long[] nanos = new long[1024];
    private int size;

    /** Records one successful call that took {@code latencyNanos}. */
    public synchronized void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    /** How many latencies were recorded. */
    public synchronized int count() {
        return size;
    }

    /**
     * The {@code p}-th percentile (nearest rank) in seconds, or {@code 0} when nothing was recorded.
     *
     * @param p a percentile in (0, 100]
     */
    public synchronized double percentileSeconds(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        if (size == 0) {
            return 0.0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e9;
    }
}

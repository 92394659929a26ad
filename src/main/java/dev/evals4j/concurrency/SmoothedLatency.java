package dev.evals4j.concurrency;

import java.util.OptionalLong;

/**
 * An exponentially smoothed moving average of call latencies: each sample moves the average by
 * {@code factor} of its distance to it. Not thread-safe: its owner guards it.
 */
final class SmoothedLatency {

    private final double factor;
    private double average = Double.NaN;

    SmoothedLatency(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("smoothing factor must be in (0, 1], was " + factor);
        }
        this.factor = factor;
    }

    void record(long latencyNanos) {
        average = Double.isNaN(average) ? latencyNanos : average + factor * (latencyNanos - average);
    }

    /** The smoothed latency in nanoseconds, or empty before the first sample. */
    OptionalLong nanos() {
        return Double.isNaN(average) ? OptionalLong.empty() : OptionalLong.of(Math.round(average));
    }
}

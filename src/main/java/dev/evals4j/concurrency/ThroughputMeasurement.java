package dev.evals4j.concurrency;

/**
 * Measures the success throughput reached at one concurrency limit.
 *
 * <p>A measurement starts a settle time after the limit changed (one smoothed latency, so that
 * calls started under the previous limit have mostly finished, or nothing when the limit did not
 * change), and then counts successes. It is complete once it has lasted its minimum span and holds
 * {@code samples} successes, or, when successes are scarce, once it has lasted {@code maxSpanNanos}
 * (and its minimum span) with at least two successes. Its throughput is successes per second over
 * its span. Not thread-safe: its owner guards it.
 */
final class ThroughputMeasurement {

    private final int samples;
    private final long maxSpanNanos;

    private long start;
    private long minSpanNanos;
    private int successes;

    ThroughputMeasurement(int samples, long maxSpanNanos) {
        this.samples = samples;
        this.maxSpanNanos = maxSpanNanos;
    }

    /** Starts a new measurement that begins {@code settleNanos} after {@code nowNanos}. */
    void restart(long nowNanos, long settleNanos, long minSpanNanos) {
        this.start = nowNanos + settleNanos;
        this.minSpanNanos = minSpanNanos;
        this.successes = 0;
    }

    /** Counts a success that ended at {@code nowNanos}, if the measurement has started. */
    void recordSuccess(long nowNanos) {
        if (nowNanos >= start) {
            successes++;
        }
    }

    boolean isComplete(long nowNanos) {
        long span = nowNanos - start;
        if (span <= 0 || span < minSpanNanos) {
            return false;
        }
        return successes >= samples || (span >= maxSpanNanos && successes >= 2);
    }

    /** Successes per second since the measurement started. */
    double perSecond(long nowNanos) {
        return successes * 1e9 / (nowNanos - start);
    }
}

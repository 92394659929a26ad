package dev.evals4j.concurrency;

import java.util.Arrays;

/**
 * Tells whether calls have started to queue while a limit ramps up: the median latency of the last
 * {@code window} successes against the median latency of the first cohort, the calls that had started
 * before the first success came back.
 *
 * <p>Why those two: while a limit ramps, the first completions are the fastest calls (the slow ones
 * are still running), so a baseline taken from the first completions, or from the lowest average seen,
 * is biased low, and the ordinary spread of an LLM's latencies (log-normal) then looks like queueing.
 * The first cohort's calls all started together and are judged only once {@code cohortSize} of them
 * have returned: an unbiased sample. A median is not moved by the spread's tail.
 *
 * <p>A rise of less than {@link #MIN_QUEUEING_NANOS} is no rise, however large its ratio: calls that
 * take microseconds (an eval that calls no model, a cache) double their latency with a thread's
 * scheduling delay on a busy machine, which says nothing about a provider's capacity. Not thread-safe:
 * its owner guards it.
 */
final class LatencyRise {

    /** The least rise of the median latency that shows calls queueing: {@value} ns (5 ms). */
    static final long MIN_QUEUEING_NANOS = 5_000_000;

    private final int cohortSize;
    private final long[] cohort;
    private final long[] recent;
    private int cohortCount;
    private int recentCount;
    private int next;
    private long firstSuccessNanos = Long.MAX_VALUE;
    private double baseline = Double.NaN;

    LatencyRise(int cohortSize, int window) {
        this.cohortSize = Checks.atLeast(1, cohortSize, "cohortSize");
        this.cohort = new long[cohortSize];
        this.recent = new long[Checks.atLeast(1, window, "latencyWindow")];
    }

    /** Records a success that started at {@code startNanos}, ended at {@code nowNanos}, after {@code latencyNanos}. */
    void record(long startNanos, long latencyNanos, long nowNanos) {
        firstSuccessNanos = Math.min(firstSuccessNanos, nowNanos);
        if (Double.isNaN(baseline) && startNanos < firstSuccessNanos) {
            cohort[cohortCount++] = latencyNanos;
            if (cohortCount == cohortSize) {
                baseline = median(cohort, cohortSize);
            }
        }
        recent[next] = latencyNanos;
        next = (next + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
    }

    /**
     * The recent median over the first cohort's, once both are known and the recent one is at least
     * {@link #MIN_QUEUEING_NANOS} longer (else 1): above 1 when the latest calls take longer.
     */
    double ratio() {
        if (Double.isNaN(baseline) || recentCount < recent.length) {
            return 1;
        }
        double recentMedian = median(recent, recentCount);
        return recentMedian - baseline < MIN_QUEUEING_NANOS ? 1 : recentMedian / baseline;
    }

    private static double median(long[] values, int count) {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2.0;
    }
}

package dev.evals4j.concurrency;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Detects a burst of errors: at least {@code threshold} errors within a sliding window of
 * {@code windowNanos}. Once a burst is reported the count starts again from zero, so the next
 * burst needs {@code threshold} new errors. Not thread-safe: its owner guards it.
 */
final class ErrorBurst {

    private final int threshold;
    private final long windowNanos;
    private final Deque<Long> errorTimes = new ArrayDeque<>();

    ErrorBurst(int threshold, long windowNanos) {
        this.threshold = Checks.atLeast(1, threshold, "collapseErrorThreshold");
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("collapseWindow must be positive, was " + windowNanos + " ns");
        }
        this.windowNanos = windowNanos;
    }

    /** Records an error at {@code nowNanos}; returns whether it completes a burst. */
    boolean record(long nowNanos) {
        errorTimes.addLast(nowNanos);
        while (nowNanos - errorTimes.peekFirst() > windowNanos) {
            errorTimes.removeFirst();
        }
        if (errorTimes.size() >= threshold) {
            errorTimes.clear();
            return true;
        }
        return false;
    }
}

package dev.evals4j.concurrency;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * The rate at which a provider admitted requests lately: successes per second over the last second
 * (or since the first success, when that is more recent, but never over less than
 * {@value #MIN_SPAN_MILLIS} ms). Not thread-safe: its owner guards it.
 */
final class AdmittedRate {

    /** Successes the last second must hold for a measurement. */
    static final int MIN_SUCCESSES = 5;
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final long MIN_SPAN_MILLIS = 50;

    private final Deque<Long> successTimes = new ArrayDeque<>();
    private long firstSuccess;
    private boolean any;

    /** Records a success that ended at {@code nowNanos}. */
    void recordSuccess(long nowNanos) {
        if (!any) {
            any = true;
            firstSuccess = nowNanos;
        }
        successTimes.addLast(nowNanos);
        forgetBefore(nowNanos - WINDOW_NANOS);
    }

    /** Successes per second lately, or empty with fewer than {@value #MIN_SUCCESSES} in the last second. */
    OptionalDouble perSecond(long nowNanos) {
        forgetBefore(nowNanos - WINDOW_NANOS);
        if (successTimes.size() < MIN_SUCCESSES) {
            return OptionalDouble.empty();
        }
        long span = Math.max(MIN_SPAN_MILLIS * 1_000_000L, Math.min(WINDOW_NANOS, nowNanos - firstSuccess));
        return OptionalDouble.of(successTimes.size() * 1e9 / span);
    }

    /** Forgets every success. */
    void clear() {
        successTimes.clear();
        any = false;
    }

    private void forgetBefore(long cutoff) {
        while (!successTimes.isEmpty() && successTimes.peekFirst() <= cutoff) {
            successTimes.removeFirst();
        }
    }
}

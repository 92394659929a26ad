package dev.evals4j.report.chart;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Records what an executor did over time in a fixed number of intervals, whatever the number of rows:
 * intervals start {@link #DEFAULT_INTERVAL_NANOS 250 ms} long, and when the run outlasts them all,
 * neighbouring intervals merge in pairs and the interval doubles. Each interval keeps the most calls in
 * flight, the concurrency limit and the pacer's rate at its end, and the attempts that started, were
 * retried or were rate-limited in it. An interval in which nothing happened carries the state of the
 * one before.
 *
 * <p>Times are ticker nanoseconds; an event before the start counts in the first interval.
 *
 * <p>Not thread-safe: owned by the thread that makes the executor's listener calls while the executor
 * runs, and read by another thread only after a hand-over that orders the reads after the writes.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConcurrencyTimeline {

    /** The length of an interval until the run outlasts {@link #DEFAULT_CAPACITY} of them. */
    public static final long DEFAULT_INTERVAL_NANOS = 250_000_000L;
    /** The most intervals kept: 60 s at 250 ms, then 2 min at 500 ms, and so on. */
    public static final int DEFAULT_CAPACITY = 240;

    private final long startNanos;
    private final Interval[] intervals;
    private long intervalNanos;
    private int count;
    private int inFlight;
    private int limit;
    private double admittedPerSecond = Double.POSITIVE_INFINITY;

    /** A timeline starting at {@code startNanos}, with the default interval and capacity. */
    public ConcurrencyTimeline(long startNanos) {
        this(startNanos, DEFAULT_INTERVAL_NANOS, DEFAULT_CAPACITY);
    }

    /**
     * A timeline starting at {@code startNanos}.
     *
     * @param intervalNanos the first length of an interval, positive
     * @param capacity the most intervals kept, an even number of at least 2
     */
    public ConcurrencyTimeline(long startNanos, long intervalNanos, int capacity) {
        if (intervalNanos <= 0 || capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("intervalNanos must be positive and capacity even and at least 2, not "
                    + intervalNanos + " and " + capacity);
        }
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
        this.intervals = new Interval[capacity];
    }

    /** At {@code nanos}, {@code inFlight} calls are in flight under the concurrency limit {@code limit}. */
    public void concurrency(long nanos, int inFlight, int limit) {
        Interval interval = intervalAt(nanos);
        this.inFlight = inFlight;
        this.limit = limit;
        interval.peakInFlight = Math.max(interval.peakInFlight, inFlight);
        interval.limit = limit;
    }

    /** At {@code nanos}, the pacer admits {@code perSecond} request starts per second (infinite: unpaced). */
    public void admittedRate(long nanos, double perSecond) {
        intervalAt(nanos).admittedPerSecond = perSecond;
        admittedPerSecond = perSecond;
    }

    /** An attempt started at {@code nanos}. */
    public void attemptStarted(long nanos) {
        intervalAt(nanos).started++;
    }

    /** An attempt failed at {@code nanos} and was scheduled to run again (not for a rate limit). */
    public void retried(long nanos) {
        intervalAt(nanos).retries++;
    }

    /** An attempt was rejected by a rate limit at {@code nanos}. */
    public void rateLimited(long nanos) {
        intervalAt(nanos).rateLimited++;
    }

    /** The intervals recorded so far, up to the last one in which something happened. */
    public ConcurrencySeries series() {
        double seconds = intervalNanos / 1e9;
        List<ConcurrencyPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Interval interval = intervals[i];
            points.add(new ConcurrencyPoint(i * seconds, interval.peakInFlight, interval.limit,
                    Double.isInfinite(interval.admittedPerSecond) ? null : interval.admittedPerSecond,
                    interval.started / seconds, interval.retries, interval.rateLimited));
        }
        return new ConcurrencySeries(seconds, points);
    }

    /** The interval that holds {@code nanos}, opening the intervals up to it and merging when full. */
    private Interval intervalAt(long nanos) {
        long elapsed = Math.max(0, nanos - startNanos);
        while (elapsed / intervalNanos >= intervals.length) {
            mergePairs();
        }
        int index = (int) (elapsed / intervalNanos);
        while (count <= index) {
            intervals[count++] = new Interval(inFlight, limit, admittedPerSecond);
        }
        return intervals[index];
    }

    private void mergePairs() {
        int merged = (count + 1) / 2;
        for (int i = 0; i < merged; i++) {
            Interval first = intervals[2 * i];
            intervals[i] = 2 * i + 1 < count ? first.mergedWith(intervals[2 * i + 1]) : first;
        }
        for (int i = merged; i < count; i++) {
            intervals[i] = null;
        }
        count = merged;
        intervalNanos *= 2;
    }

    /** One interval's figures; mutable while it is the current one. */
    private static final class Interval {

        private int peakInFlight;
        private int limit;
        private double admittedPerSecond;
        private long started;
        private int retries;
        private int rateLimited;

        Interval(int inFlight, int limit, double admittedPerSecond) {
            this.peakInFlight = inFlight;
            this.limit = limit;
            this.admittedPerSecond = admittedPerSecond;
        }

        /** This interval and the {@code next} one as one: peaks and sums, the state at the end of {@code next}. */
        Interval mergedWith(Interval next) {
            Interval merged = new Interval(Math.max(peakInFlight, next.peakInFlight), next.limit, next.admittedPerSecond);
            merged.started = started + next.started;
            merged.retries = retries + next.retries;
            merged.rateLimited = rateLimited + next.rateLimited;
            return merged;
        }
    }
}

package dev.evals4j.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The number of calls in flight, and the strategy's limit where there is one, over one
 * contender's run, as a list of timed samples.
 *
 * <p>Thread-safe: the executor contenders record from their dispatcher thread, the JUnit contender
 * from many worker threads at once.
 */
public final class ConcurrencyTrace {

    /** The {@code limit} of a sample from a contender that has no concurrency limit of its own. */
    public static final int NO_LIMIT = -1;

    /**
     * One sample.
     *
     * @param seconds time since the run started
     * @param inFlight calls in flight from that moment on
     * @param limit the concurrency limit from that moment on, or {@link #NO_LIMIT}
     */
    public record Sample(double seconds, int inFlight, int limit) {}

    private final long originNanos;
    private final List<Sample> samples = new ArrayList<>();

    /** A trace whose time zero is {@code originNanos} on {@link System#nanoTime()}'s scale. */
    public ConcurrencyTrace(long originNanos) {
        this.originNanos = originNanos;
    }

    /**
     * Records the state from {@code nanos} (on {@link System#nanoTime()}'s scale) on.
     *
     * @param limit the concurrency limit, or {@link #NO_LIMIT}
     */
    public synchronized void record(long nanos, int inFlight, int limit) {
        samples.add(new Sample(Math.max(0, nanos - originNanos) / 1e9, inFlight, limit));
    }

    /** A snapshot of the samples so far, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /**
     * The samples reduced to one per {@code bucketSeconds}, starting at 0: the highest in-flight
     * count seen in each bucket (so short peaks stay visible on a chart) and the limit at its end.
     * A bucket with no sample repeats the state before it.
     */
    public List<Sample> peaksPerBucket(double bucketSeconds) {
        if (bucketSeconds <= 0) {
            throw new IllegalArgumentException("bucketSeconds must be positive, was " + bucketSeconds);
        }
        List<Sample> all = samples();
        List<Sample> reduced = new ArrayList<>();
        if (all.isEmpty()) {
            return reduced;
        }
        int inFlight = 0;
        int limit = all.get(0).limit();
        int next = 0;
        double end = all.get(all.size() - 1).seconds();
        for (long bucket = 0; bucket * bucketSeconds <= end; bucket++) {
            double bucketEnd = (bucket + 1) * bucketSeconds;
            int peak = inFlight;
            while (next < all.size() && all.get(next).seconds() < bucketEnd) {
                inFlight = all.get(next).inFlight();
                limit = all.get(next).limit();
                peak = Math.max(peak, inFlight);
                next++;
            }
            reduced.add(new Sample(bucket * bucketSeconds, peak, limit));
        }
        return reduced;
    }
}

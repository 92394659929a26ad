package dev.evals4j.concurrency;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Fixed concurrency: at most {@code maxConcurrency} calls in flight, whatever happens.
 *
 * <p>Immutable and therefore thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class SlidingWindow implements ConcurrencyStrategy {

    /** The default fixed concurrency, as in dotevals. */
    public static final int DEFAULT_MAX_CONCURRENCY = 10;

    private final int maxConcurrency;

    /** A window of {@value #DEFAULT_MAX_CONCURRENCY} calls. */
    public SlidingWindow() {
        this(DEFAULT_MAX_CONCURRENCY);
    }

    /**
     * A window of {@code maxConcurrency} calls.
     *
     * @throws IllegalArgumentException if {@code maxConcurrency < 1}
     */
    public SlidingWindow(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
    }

    @Override
    public int limit() {
        return maxConcurrency;
    }

    @Override
    public void onSuccess(long startNanos, long latencyNanos) {}

    @Override
    public void onError(long startNanos) {}

    @Override
    public void onTimeout(long startNanos) {}

    @Override
    public void onRateLimited(long startNanos) {}

    @Override
    public String name() {
        return maxConcurrency == 1 ? "sequential" : "fixed-" + maxConcurrency;
    }

    @Override
    public String toString() {
        return "SlidingWindow[" + maxConcurrency + "]";
    }
}

package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Additive increase, multiplicative decrease over fixed feedback windows: Phoenix's
 * {@code ConcurrencyController}, with its defaults.
 *
 * <p>Outcomes are counted per window (default 5 s). When a window ends, a window with any error,
 * timeout or rate limit multiplies the target by the decrease ratio (default 0.5); a window with
 * successes only adds the increase step (default 0.5). Independently of windows, a burst of errors
 * (default 2 within 15 s) collapses the target to 1 at once. The target is clamped to
 * {@code [1, maxConcurrency]} on every update, so a long clean period cannot wind it up beyond the
 * maximum and one error window always lowers the effective limit. The effective limit is the floor
 * of the target, at least 1.
 *
 * <p>Windows are evaluated lazily: nothing changes before a window ends, and the first event
 * <em>or</em> {@link #limit()} call at or after its end closes it (the event then counts in the next
 * window). An executor that is idle should therefore call {@link #limit()} every
 * {@link #inactiveCheckInterval()} to pick up a window that ended without further events.
 *
 * <p>Thread-safe: every method that reads or changes the state is {@code synchronized}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Aimd implements ConcurrencyStrategy {

    /** Length of a feedback window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    /** Added to the target after a window with successes and no error. */
    public static final double DEFAULT_INCREASE_STEP = 0.5;
    /** Multiplies the target after a window with an error, timeout or rate limit. */
    public static final double DEFAULT_DECREASE_RATIO = 0.5;
    /** Span in which {@link #DEFAULT_COLLAPSE_ERROR_THRESHOLD} errors collapse the target to 1. */
    public static final Duration DEFAULT_COLLAPSE_WINDOW = Duration.ofSeconds(15);
    /** Number of errors within the collapse window that collapse the target to 1. */
    public static final int DEFAULT_COLLAPSE_ERROR_THRESHOLD = 2;
    /** Weight of each new latency sample in the smoothed latency. */
    public static final double DEFAULT_SMOOTHING_FACTOR = 0.2;
    /** How often an idle executor should re-read {@link #limit()}. */
    public static final Duration DEFAULT_INACTIVE_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Ticker ticker;
    private final int maxConcurrency;
    private final long windowNanos;
    private final double increaseStep;
    private final double decreaseRatio;
    private final Duration inactiveCheckInterval;
    private final ErrorBurst errorBurst;
    private final SmoothedLatency latency;

    private double target;
    private long windowStart;
    private int windowSuccesses;
    private int windowFailures;

    /**
     * An AIMD strategy with the seed's defaults.
     *
     * @param maxConcurrency the largest limit it may reach, at least 1
     * @param initialTarget the starting target, in {@code [1, maxConcurrency]}
     * @param ticker the time source
     */
    public Aimd(int maxConcurrency, double initialTarget, Ticker ticker) {
        this(builder(maxConcurrency, initialTarget).ticker(ticker));
    }

    private Aimd(Builder builder) {
        this.ticker = builder.ticker;
        this.maxConcurrency = builder.maxConcurrency;
        this.windowNanos = builder.window.toNanos();
        this.increaseStep = DEFAULT_INCREASE_STEP;
        this.decreaseRatio = builder.decreaseRatio;
        this.inactiveCheckInterval = builder.inactiveCheckInterval;
        this.errorBurst = new ErrorBurst(DEFAULT_COLLAPSE_ERROR_THRESHOLD, builder.collapseWindow.toNanos());
        this.latency = new SmoothedLatency(DEFAULT_SMOOTHING_FACTOR);
        this.target = builder.initialTarget;
        this.windowStart = ticker.nanoTime();
    }

    /**
     * A builder with the seed's defaults.
     *
     * @param maxConcurrency the largest limit the strategy may reach, at least 1
     * @param initialTarget the starting target, in {@code [1, maxConcurrency]}
     */
    public static Builder builder(int maxConcurrency, double initialTarget) {
        return new Builder(maxConcurrency, initialTarget);
    }

    /** The floor of the target, at least 1; closes the current window first if it has ended. */
    @Override
    public synchronized int limit() {
        closeWindowIfEnded(ticker.nanoTime());
        return effectiveLimit();
    }

    /** The current (fractional) target, without closing a window. */
    public synchronized double target() {
        return target;
    }

    /** The exponentially smoothed latency of successful calls, empty before the first one. */
    public synchronized OptionalLong smoothedLatencyNanos() {
        return latency.nanos();
    }

    /** How often an idle executor should call {@link #limit()} so that ended windows take effect. */
    public Duration inactiveCheckInterval() {
        return inactiveCheckInterval;
    }

    /** The largest limit this strategy may reach. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    @Override
    public synchronized void onSuccess(long startNanos, long latencyNanos) {
        closeWindowIfEnded(ticker.nanoTime());
        windowSuccesses++;
        latency.record(latencyNanos);
    }

    @Override
    public void onError(long startNanos) {
        recordFailure();
    }

    @Override
    public void onTimeout(long startNanos) {
        recordFailure();
    }

    @Override
    public void onRateLimited(long startNanos) {
        recordFailure();
    }

    @Override
    public String name() {
        return "aimd";
    }

    private synchronized void recordFailure() {
        long now = ticker.nanoTime();
        closeWindowIfEnded(now);
        windowFailures++;
        if (errorBurst.record(now)) {
            target = 1;
        }
    }

    private void closeWindowIfEnded(long now) {
        if (now - windowStart < windowNanos) {
            return;
        }
        if (windowFailures > 0) {
            setTarget(target * decreaseRatio);
        } else if (windowSuccesses > 0) {
            setTarget(target + increaseStep);
        }
        windowStart = now;
        windowSuccesses = 0;
        windowFailures = 0;
    }

    private void setTarget(double value) {
        target = Math.max(1, Math.min(maxConcurrency, value));
    }

    private int effectiveLimit() {
        return Math.max(1, (int) Math.floor(target));
    }

    @Override
    public synchronized String toString() {
        return "Aimd[target=" + target + ", max=" + maxConcurrency + "]";
    }

    /** Builds an {@link Aimd}; every setting starts at the seed's default. Not thread-safe. */
    public static final class Builder {

        private final int maxConcurrency;
        private final double initialTarget;
        private Ticker ticker = Ticker.system();
        private Duration window = DEFAULT_WINDOW;
        private double decreaseRatio = DEFAULT_DECREASE_RATIO;
        private Duration collapseWindow = DEFAULT_COLLAPSE_WINDOW;
        private Duration inactiveCheckInterval = DEFAULT_INACTIVE_CHECK_INTERVAL;

        private Builder(int maxConcurrency, double initialTarget) {
            Checks.atLeast(1, maxConcurrency, "maxConcurrency");
            if (!(initialTarget >= 1 && initialTarget <= maxConcurrency)) {
                throw new IllegalArgumentException("initialTarget must be in [1, " + maxConcurrency
                        + "] (maxConcurrency), was " + initialTarget);
            }
            this.maxConcurrency = maxConcurrency;
            this.initialTarget = initialTarget;
        }

        /** The time source (default: {@link Ticker#system()}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Length of a feedback window (default 5 s). */
        public Builder window(Duration window) {
            this.window = Checks.positive(window, "window");
            return this;
        }

        /** Multiplies the target after an error window (default 0.5); in {@code (0, 1)}. */
        public Builder decreaseRatio(double decreaseRatio) {
            this.decreaseRatio = Checks.fraction(decreaseRatio, "decreaseRatio");
            return this;
        }

        /** Span in which the threshold's errors collapse the target to 1 (default 15 s). */
        public Builder collapseWindow(Duration collapseWindow) {
            this.collapseWindow = Checks.positive(collapseWindow, "collapseWindow");
            return this;
        }

        /** How often an idle executor should re-read the limit (default 1 s). */
        public Builder inactiveCheckInterval(Duration inactiveCheckInterval) {
            this.inactiveCheckInterval = Checks.positive(inactiveCheckInterval, "inactiveCheckInterval");
            return this;
        }

        /** A new strategy whose first window starts now. */
        public Aimd build() {
            return new Aimd(this);
        }
    }
}

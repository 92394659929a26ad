package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * How many attempts an item gets and how long to wait between them (in the spirit of tenacity; names
 * borrowed from Failsafe). Which failures are retried at all is the {@link ClassifierChain}'s call.
 *
 * <p>Rate limits are handled apart: a rate-limited attempt does not count against
 * {@link #maxAttempts()} (see {@link AsyncExecutor}).
 *
 * <p>Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetryPolicy {

    /** The default attempt budget: the first call and 3 retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** The default first wait of the exponential back-off. */
    public static final Duration DEFAULT_INITIAL_WAIT = Duration.ofSeconds(1);
    /** The default longest wait of the exponential back-off. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialWait;
    private final Duration maxWait;
    private final boolean exponential;
    private final boolean jitter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialWait = builder.initialWait;
        this.maxWait = builder.maxWait;
        this.exponential = builder.exponential;
        this.jitter = builder.jitter;
    }

    /**
     * The default policy: {@value #DEFAULT_MAX_ATTEMPTS} attempts, exponential wait from 1 s doubling
     * to at most 30 s with jitter. Which failures are retried at all is the {@link ClassifierChain}'s
     * call, not the policy's.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries (one attempt); rate limits are still requeued. */
    public static RetryPolicy noRetries() {
        return builder().maxAttempts(1).build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most attempts an item gets, the first one included; rate-limited attempts are not counted. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * How long to wait before the next attempt, after {@code failedAttempts} failed ones. An
     * exponential wait is {@code initial × 2^(failedAttempts − 1)}, at most {@code max}; with
     * jitter it is drawn uniformly from the upper half of that value, so it never exceeds
     * {@code max} and never collapses to zero. A fixed wait is exact.
     *
     * @param failedAttempts at least 1
     * @param random the source of jitter
     */
    public long delayNanos(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        if (!exponential) {
            return initialWait.toNanos();
        }
        long max = maxWait.toNanos();
        int doublings = Math.min(failedAttempts - 1, 62);
        long base = initialWait.toNanos();
        long delay = base > (max >> doublings) ? max : Math.min(max, base << doublings);
        if (!jitter || delay < 2) {
            return delay;
        }
        long half = delay / 2;
        return half + random.nextLong(delay - half + 1);
    }

    @Override
    public String toString() {
        String wait = !exponential
                ? (initialWait.isZero() ? "none" : "fixed:" + initialWait)
                : "exponential:" + initialWait + ".." + maxWait + (jitter ? " with jitter" : "");
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", wait=" + wait + "]";
    }

    /** Builds a {@link RetryPolicy}; starts from {@link #defaults()}. Not thread-safe. */
    public static final class Builder {

        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialWait = DEFAULT_INITIAL_WAIT;
        private Duration maxWait = DEFAULT_MAX_WAIT;
        private boolean exponential = true;
        private boolean jitter = true;

        private Builder() {}

        /** The most attempts an item gets, the first one included; at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Retries at once. */
        public Builder waitNone() {
            return waitFixed(Duration.ZERO);
        }

        /** Waits exactly {@code wait} between attempts. */
        public Builder waitFixed(Duration wait) {
            this.initialWait = requireNotNegative(wait, "wait");
            this.maxWait = wait;
            this.exponential = false;
            return this;
        }

        /** Waits {@code initial}, then twice as long after each failure, at most {@code max}. */
        public Builder waitExponential(Duration initial, Duration max) {
            requireNotNegative(initial, "initial");
            requireNotNegative(max, "max");
            if (initial.compareTo(max) > 0) {
                throw new IllegalArgumentException("initial wait " + initial + " exceeds max wait " + max);
            }
            this.initialWait = initial;
            this.maxWait = max;
            this.exponential = true;
            return this;
        }

        /** Whether exponential waits are spread randomly (default true); fixed waits are always exact. */
        public Builder jitter(boolean jitter) {
            this.jitter = jitter;
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration requireNotNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + duration);
            }
            return duration;
        }
    }
}

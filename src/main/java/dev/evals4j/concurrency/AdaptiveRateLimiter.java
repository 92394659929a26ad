package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Paces request starts with a token bucket whose rate adapts to the provider's rate limit: Phoenix's
 * adaptive token bucket, without its blocking cooldown.
 *
 * <ul>
 *   <li>The bucket refills at the current rate (requests per second) up to its burst capacity; a
 *       request takes one token. {@link #tryAcquire()} never waits: it takes a token or says how long
 *       until one is available.</li>
 *   <li>A rate limit halves the rate (never below the minimum, default 0.1/s) and empties the bucket.
 *       A cooldown (default 5 s) follows in which further rate limits are ignored and the rate does
 *       not grow, and a rate limit reported for a request that <em>started</em> before the last
 *       decrease is always ignored: it was sent under the old rate.</li>
 *   <li>Outside the cooldown the rate grows exponentially (default ×1.2 per second) up to the
 *       maximum; with {@link Builder#acceleratingGrowth(boolean) accelerating growth}, the longer it
 *       grows the faster.</li>
 *   <li>After an idle window without any request (default 30 s) everything returns to the initial
 *       state: what was learned may be stale.</li>
 * </ul>
 *
 * <h2>Tuned settings</h2>
 * The defaults above are Phoenix's. Two settings make the limiter find a provider's limit within a
 * few calls instead of halving towards it blindly (they are what
 * {@link ConcurrencyStrategies#defaults} uses):
 * <ul>
 *   <li>{@link Builder#unpacedStart(boolean) unpacedStart}: no pacing at all until the first rate
 *       limit, so a provider without a limit is never slowed down;</li>
 *   <li>{@link Builder#admittedRateShare(double) admittedRateShare}: a rate limit sets the rate to
 *       that share (such as 0.9) of the rate the provider actually admitted lately, measured from
 *       the successes of the last second, or of its last half when that is higher: a second in which
 *       the rate climbed understates the rate at its end (each when it holds at least
 *       {@value AdmittedRate#MIN_SUCCESSES}; otherwise the rate halves, or is set provisionally
 *       before any measurement: see below).
 *       Because the new rate is measured rather than guessed, a rate limit for a request started
 *       <em>after</em> the last decrease lowers it again at once; the cooldown then only delays
 *       growth.</li>
 * </ul>
 *
 * <h2>A rate limit before any measurement</h2>
 * A provider with a small burst rejects requests before the first successes come back (a client's
 * first calls can take seconds). An unpaced limiter then paces at once, provisionally: at half the
 * rate at which requests started over the last second (when it holds at least
 * {@value AdmittedRate#MIN_SUCCESSES} starts), otherwise at the initial rate, and halves again for each
 * further rate limit of a request started after the last decrease. A provisional rate grows without a
 * cooldown and twice as fast (the square of the growth factor per second), until the first rate limit
 * that finds a measurement replaces it by a share of the admitted rate. Staying unpaced instead would
 * let every call in flight, and every row that replaces a rejected one, hit the limit until the first
 * measurement: most of a small run's calls.
 *
 *
 * <p>Thread-safe: every method that reads or changes the state is {@code synchronized}.
 */
@API(status = INTERNAL, since = "0.1")
public final class AdaptiveRateLimiter implements RequestPacer {

    /** Starting rate, in requests per second. */
    public static final double DEFAULT_INITIAL_RATE = 10;
    /** Highest rate, in requests per second. */
    public static final double DEFAULT_MAX_RATE = 1_000;
    /** Lowest rate, in requests per second. */
    public static final double DEFAULT_MIN_RATE = 0.1;
    /** Tokens the bucket holds at most: requests that may start back to back. */
    public static final double DEFAULT_BURST = 1;
    /** Time after a decrease in which rate limits are ignored and the rate does not grow. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);
    /** Factor by which the rate grows per second outside a cooldown. */
    public static final double DEFAULT_GROWTH_PER_SECOND = 1.2;
    /** Time without requests after which the limiter returns to its initial state. */
    public static final Duration DEFAULT_IDLE_RESET = Duration.ofSeconds(30);

    private static final double DECREASE_FACTOR = 0.5;
    private static final double NANOS_PER_SECOND = 1e9;

    private final Ticker ticker;
    private final double initialRate;
    private final double maxRate;
    private final double minRate;
    private final double burst;
    private final long cooldownNanos;
    private final double growthPerSecond;
    private final long idleResetNanos;
    private final boolean unpacedStart;
    private final double admittedRateShare;
    private final boolean acceleratingGrowth;
    private final AdmittedRate admitted = new AdmittedRate();
    private final AdmittedRate starts = new AdmittedRate();

    private double rate;
    private double tokens;
    private long lastRefill;
    private long growingSince;
    /** When the rate began to grow since the last decrease (the end of its cooldown). */
    private long probingSince;
    private long lastRequest;
    private boolean decreased;
    /** Whether the rate is a guess made without a measurement, not yet corrected by a measured decrease. */
    private boolean provisional;
    private long lastDecrease;

    private AdaptiveRateLimiter(Builder builder) {
        builder.validate();
        this.ticker = builder.ticker;
        this.initialRate = builder.initialRate;
        this.maxRate = builder.maxRate;
        this.minRate = builder.minRate;
        this.burst = builder.burst;
        this.cooldownNanos = builder.cooldown.toNanos();
        this.growthPerSecond = builder.growthPerSecond;
        this.idleResetNanos = DEFAULT_IDLE_RESET.toNanos();
        this.unpacedStart = builder.unpacedStart;
        this.admittedRateShare = builder.admittedRateShare;
        this.acceleratingGrowth = builder.acceleratingGrowth;
        reset(ticker.nanoTime());
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized long tryAcquire() {
        long now = ticker.nanoTime();
        if (now - lastRequest >= idleResetNanos) {
            reset(now);
        }
        lastRequest = now;
        advance(now);
        if (tokens >= 1) {
            tokens -= 1;
            starts.record(now);
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / rate * NANOS_PER_SECOND));
    }

    @Override
    public synchronized void onSuccess(long startNanos) {
        long now = ticker.nanoTime();
        admitted.record(now);
        advance(now);
    }

    @Override
    public synchronized void onRateLimited(long startNanos) {
        long now = ticker.nanoTime();
        boolean measured = admittedRateShare > 0;
        if (decreased && (startNanos < lastDecrease || (!measured && now - lastDecrease < cooldownNanos))) {
            return;
        }
        advance(now);
        OptionalDouble admittedRate = measured ? admitted.latestPerSecond(now) : OptionalDouble.empty();
        if (admittedRate.isPresent()) {
            rate = Math.max(minRate, admittedRateShare * Math.min(rate, admittedRate.getAsDouble()));
            provisional = false;
        } else if (Double.isInfinite(rate)) {
            OptionalDouble startRate = starts.perSecond(now);
            rate = Math.max(minRate, Math.min(maxRate,
                    startRate.isPresent() ? DECREASE_FACTOR * startRate.getAsDouble() : initialRate));
            provisional = true;
        } else {
            rate = Math.max(minRate, rate * DECREASE_FACTOR);
        }
        tokens = 0;
        decreased = true;
        lastDecrease = now;
        growingSince = provisional ? now : now + cooldownNanos;
        probingSince = growingSince;
    }

    /** The current rate, in requests per second; infinite while unpaced. */
    public synchronized double ratePerSecond() {
        advance(ticker.nanoTime());
        return rate;
    }

    /** {@link #ratePerSecond()}. */
    @Override
    public double requestsPerSecond() {
        return ratePerSecond();
    }

    /** Refills the bucket at the rate in force so far, then grows the rate for the clean time since. */
    private void advance(long now) {
        tokens = Double.isInfinite(rate) ? burst
                : Math.min(burst, tokens + (now - lastRefill) / NANOS_PER_SECOND * rate);
        lastRefill = now;
        if (now > growingSince && !Double.isInfinite(rate)) {
            double growth = provisional ? growthPerSecond * growthPerSecond : growthPerSecond;
            rate = Math.min(maxRate, rate * Math.pow(growth, growthExponent(growingSince, now)));
            growingSince = now;
        }
    }

    /**
     * The power of the growth factor that the clean time from {@code from} to {@code to} earns: its
     * seconds, or with {@link Builder#acceleratingGrowth(boolean) accelerating growth} the increase of
     * {@code t + t²/2} over it, {@code t} counting the seconds since the rate began to grow.
     */
    private double growthExponent(long from, long to) {
        double start = (from - probingSince) / NANOS_PER_SECOND;
        double end = (to - probingSince) / NANOS_PER_SECOND;
        return acceleratingGrowth ? end + end * end / 2 - start - start * start / 2 : end - start;
    }

    private void reset(long now) {
        rate = unpacedStart ? Double.POSITIVE_INFINITY : initialRate;
        admitted.clear();
        starts.clear();
        tokens = burst;
        lastRefill = now;
        growingSince = now;
        probingSince = now;
        lastRequest = now;
        decreased = false;
        provisional = false;
    }

    @Override
    public synchronized String toString() {
        return "AdaptiveRateLimiter[" + rate + "/s, max=" + maxRate + "/s]";
    }

    /** Builds an {@link AdaptiveRateLimiter}. Not thread-safe. */
    public static final class Builder {

        private Ticker ticker = Ticker.system();
        private double initialRate = DEFAULT_INITIAL_RATE;
        private double maxRate = DEFAULT_MAX_RATE;
        private double minRate = DEFAULT_MIN_RATE;
        private double burst = DEFAULT_BURST;
        private Duration cooldown = DEFAULT_COOLDOWN;
        private double growthPerSecond = DEFAULT_GROWTH_PER_SECOND;
        private boolean unpacedStart;
        private double admittedRateShare;
        private boolean acceleratingGrowth;

        private Builder() {}

        /** The time source (default: {@link Ticker#system()}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Starting rate in requests per second (default 10), within {@code [minRate, maxRate]}. */
        public Builder initialRate(double initialRate) {
            this.initialRate = Checks.positive(initialRate, "initialRate");
            return this;
        }

        /** Highest rate in requests per second (default 1000). */
        public Builder maxRate(double maxRate) {
            this.maxRate = Checks.positive(maxRate, "maxRate");
            return this;
        }

        /** Lowest rate in requests per second (default 0.1). */
        public Builder minRate(double minRate) {
            this.minRate = Checks.positive(minRate, "minRate");
            return this;
        }

        /** Tokens the bucket holds at most (default 1), at least 1. */
        public Builder burst(double burst) {
            if (!(burst >= 1) || Double.isInfinite(burst)) {
                throw new IllegalArgumentException("burst must be at least 1, was " + burst);
            }
            this.burst = burst;
            return this;
        }

        /** Time after a decrease in which rate limits are ignored and the rate does not grow (default 5 s). */
        public Builder cooldown(Duration cooldown) {
            this.cooldown = Checks.positive(cooldown, "cooldown");
            return this;
        }

        /** Factor by which the rate grows per clean second (default 1.2); 1 disables growth. */
        public Builder growthPerSecond(double growthPerSecond) {
            if (!(growthPerSecond >= 1) || Double.isInfinite(growthPerSecond)) {
                throw new IllegalArgumentException("growthPerSecond must be at least 1, was " + growthPerSecond);
            }
            this.growthPerSecond = growthPerSecond;
            return this;
        }

        /**
         * Whether the limiter paces nothing until the first rate limit (default false: it starts at
         * the initial rate). The initial rate still applies after an idle reset only if this is false.
         */
        public Builder unpacedStart(boolean unpacedStart) {
            this.unpacedStart = unpacedStart;
            return this;
        }

        /**
         * On a rate limit, set the rate to this share of the rate the provider admitted over the last
         * second, in {@code (0, 1]} (default 0: halve the rate, as Phoenix does). See the class
         * description.
         */
        public Builder admittedRateShare(double admittedRateShare) {
            if (!(admittedRateShare > 0 && admittedRateShare <= 1)) {
                throw new IllegalArgumentException("admittedRateShare must be in (0, 1], was " + admittedRateShare);
            }
            this.admittedRateShare = admittedRateShare;
            return this;
        }

        /**
         * Whether the growth accelerates the longer it lasts (default false: a constant factor per
         * second). When true, the rate grows by the factor to the power {@code t + t²/2} over the
         * {@code t} seconds since it began to grow (after the last decrease and its cooldown): near the
         * limit it just found it probes as gently as a constant factor (×1.5 per second grows 4% in the
         * first 100 ms either way), but after a provider raised its limit it climbs back within about
         * two seconds instead of several (×4 takes 1.8 s at ×1.5 instead of 3.4 s).
         */
        public Builder acceleratingGrowth(boolean acceleratingGrowth) {
            this.acceleratingGrowth = acceleratingGrowth;
            return this;
        }

        /** A new limiter with a full bucket at the initial rate. */
        public AdaptiveRateLimiter build() {
            return new AdaptiveRateLimiter(this);
        }

        private void validate() {
            if (minRate > maxRate) {
                throw new IllegalArgumentException(
                        "minRate (" + minRate + "/s) must not exceed maxRate (" + maxRate + "/s)");
            }
            if (initialRate < minRate || initialRate > maxRate) {
                throw new IllegalArgumentException("initialRate must be in [" + minRate + ", " + maxRate
                        + "] requests/s, was " + initialRate);
            }
        }
    }
}

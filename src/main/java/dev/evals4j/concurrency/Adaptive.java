package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Throughput hill-climbing, after dotevals' {@code Adaptive} and with its tuning defaults (the limits'
 * defaults are the engine's, see {@link Builder}), without its two
 * flaws: here it sees every error, timeout and rate limit, and flat throughput is not an
 * improvement.
 *
 * <h2>Measuring</h2>
 * Throughput is successes per second, read from the {@link Ticker}. A measurement of a new limit
 * starts one smoothed latency after the change (calls started under the old limit are then mostly
 * done) and lasts at least one smoothed latency while ramping, four near the knee (where a 10% step
 * must be told from noise). It completes once it also holds {@code throughputWindow} (20)
 * successes, or, when successes are scarce, once it has lasted {@code adaptationInterval} (2 s) with
 * at least two. Decisions are therefore paced by the provider's latency: about every 150 ms at
 * 50 ms per call, every few seconds at several seconds per call. Decisions are taken when a success
 * is reported; {@link #limit()} only reads.
 *
 * <h2>Slow start</h2>
 * With {@link Builder#slowStart(boolean) slowStart} on (off by default; on in
 * {@link ConcurrencyStrategies#defaults}), the strategy first climbs like TCP's slow start, without
 * measuring: every success raises the limit by {@value #SLOW_START_STEP}, which multiplies it by
 * {@value #SLOW_START_STEP} + 1 once per round trip (from 10, 100 within two round trips), up to the
 * maximum; and, when that is more, to the initial limit multiplied by
 * {@value #SLOW_START_GROWTH_PER_SECOND} per second since its first call started (from 10: 29 after
 * 0.23 s, 100 after half a second), so that long calls ramp within about one round trip instead of a
 * few. For calls of 50 ms that growth adds nothing: a provider with a small burst is not flooded before
 * its first rate limits come back. Before the first outcome the limit does not grow at all, however long
 * the calls take: nothing tells a slow provider from a cold client yet, and a cold LangChain4j client
 * delivered even its first 429s about 2 s late, so growing with time meanwhile sent 100 unpaced calls into
 * a provider's burst of 5 (a fifth of a 400-row run rejected). Slow start ends for good, and the climbing below takes over, at the
 * first of:
 * <ul>
 *   <li>latency rising: the median latency of the last {@value #LATENCY_WINDOW} successes above
 *       {@value #SLOW_START_LATENCY_RISE} times the median of the first cohort (the initial calls, all
 *       started before the first success came back), and longer by at least 5 ms (calls of microseconds,
 *       an eval that calls no model, double their latency with a thread's scheduling delay). Calls queue, the provider's capacity is passed (or
 *       the client is too busy to run more calls promptly). A ramp's first completions are its fastest
 *       calls, so a baseline taken from them (the lowest smoothed latency seen, before) took the
 *       ordinary log-normal spread of an LLM's latencies for queueing and ended slow start far below an
 *       unlimited provider's maximum. The limit falls to the concurrency served at the first cohort's
 *       latency (Little's law: the limit over the rise), which the hill-climb then measures and, if a
 *       doubling pays, raises;</li>
 *   <li>a back-off (see <em>Errors</em>);</li>
 *   <li>a rate limit, even one the strategy otherwise {@linkplain RateLimitResponse#IGNORE ignores}:
 *       the hill-climb takes over from the current limit. (A pacer answers the rate limit; going on
 *       with slow start behind it drew more rejections in the benchmark's shifting-limit
 *       scenario.)</li>
 *   <li>a round trip at the maximum ({@code maxConcurrency} successes) without a latency rise: it
 *       then holds there.</li>
 * </ul>
 *
 * <h2>Climbing</h2>
 * After each measurement of a raised limit the strategy compares its throughput with the one
 * measured before the raise:
 * <ul>
 *   <li>A raise <em>pays</em> when it bought at least {@link Builder#requiredGainShare(double) half}
 *       of the throughput gain a perfectly scaling provider would give (doubling the limit must
 *       bring at least +50%). The strategy keeps it and raises again at once.</li>
 *   <li>A raise that does not pay (flat or lower throughput) is undone: the provider is saturated.
 *       The previous limit becomes the knee and the strategy holds there. Only when the calls filled the
 *       raised limit, though (see <em>Holding</em>): a raise they do not fill is kept and held, since
 *       something else (a pacer) bounds the throughput, and undoing it can make the old limit the bound
 *       again (10 calls of 300 ms serve 33 requests a second of the 40 a pacer admits).</li>
 * </ul>
 * Below its ramp ceiling (initially the maximum) a raise doubles the limit, so that it reaches a
 * high limit within a few measurements on a provider that scales; above it, near a known knee, a
 * raise adds a cautious 10% (at least 1).
 *
 * <h2>Holding</h2>
 * While holding it keeps measuring: throughput above {@code increaseThreshold} (0.98) of the
 * previous measurement for {@code stabilityWindow} (3) measurements in a row earns one cautious probe
 * upward, which is undone if it does not pay; throughput below {@code decreaseThreshold} (0.90) of the
 * previous measurement lowers the limit by the cautious step, but only when the calls filled at least
 * {@value #FILLED_LIMIT_SHARE} of it (Little's law: throughput × smoothed latency). A limit its calls do
 * not fill is not what bounds the throughput (a pacer is, or a rate shared with other runners): lowering
 * it on every dip of that throughput while a raise never pays walked a paced runner's limit down one step
 * at a time (in a model of three runners sharing 100 requests/s, from 11 to 1 in 40 s), until it
 * bounded the runner far below its share of the rate.
 *
 * <h2>Errors</h2>
 * A back-off multiplies the limit by {@code errorBackoff} (0.7) at once, and the ramp ceiling with
 * it. What triggers one:
 * <ul>
 *   <li>a timeout: the provider is overloaded (or a call hung), always;</li>
 *   <li>an ordinary error only when errors are frequent: when more than
 *       {@link Builder#errorShareThreshold(double) errorShareThreshold} (20%) of the last
 *       {@code throughputWindow} (20) outcomes failed. Isolated transient errors (a 5xx now and then)
 *       say nothing about load and are left to the retry policy; with a threshold of 0 every error
 *       backs off;</li>
 *   <li>a rate limit when the {@link RateLimitResponse} is {@link RateLimitResponse#BACKOFF BACKOFF}
 *       (the default). Use {@link RateLimitResponse#IGNORE IGNORE} when a {@link RequestPacer} paces
 *       the same calls: a request-rate limit is the pacer's to answer, and lowering the concurrency
 *       as well would answer it twice.</li>
 * </ul>
 * A failure from a call that started before the last back-off is ignored: it was sent under the
 * old limit, which has already been answered. A second back-off within {@code collapseWindow}
 * (15 s) means the reduced limit still fails: the limit collapses to the minimum and doubles back
 * up towards the ceiling while throughput pays (Aimd's response).
 *
 * <p>With {@link Builder#collapseOnErrors(boolean) collapseOnErrors} off (on by default, off in
 * {@link ConcurrencyStrategies#defaults}), ordinary errors are not taken for overload: frequent errors
 * still back off, but never collapse the limit and leave the ramp ceiling where it was, so the
 * hill-climb doubles back as soon as the errors stop. Transient 5xx errors come in bursts even when
 * their long-run share is small; collapsing on them left a rate-limited run at a few calls in flight,
 * far below what the rate limit admits. Timeouts (and rate limits under {@code BACKOFF}) still
 * collapse.
 *
 * <p>Thread-safe: every method that reads or changes the state is {@code synchronized}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Adaptive implements ConcurrencyStrategy {

    /** Lowest limit. */
    public static final int DEFAULT_MIN_CONCURRENCY = 1;
    /** Longest measurement when fewer than {@link #DEFAULT_THROUGHPUT_WINDOW} successes arrive. */
    public static final Duration DEFAULT_ADAPTATION_INTERVAL = Duration.ofSeconds(2);
    /** Successes a measurement needs to complete early. */
    public static final int DEFAULT_THROUGHPUT_WINDOW = 20;
    /** Throughput ratio above which a held limit counts as stable. */
    public static final double DEFAULT_INCREASE_THRESHOLD = 0.98;
    /** Throughput ratio below which a held limit is lowered. */
    public static final double DEFAULT_DECREASE_THRESHOLD = 0.90;
    /** Stable measurements in a row before a held limit is probed upward. */
    public static final int DEFAULT_STABILITY_WINDOW = 3;
    /** Multiplies the limit on an error, timeout or rate limit. */
    public static final double DEFAULT_ERROR_BACKOFF = 0.7;
    /** Span in which a second back-off collapses the limit to the minimum. */
    public static final Duration DEFAULT_COLLAPSE_WINDOW = Duration.ofSeconds(15);
    /** Share of a perfectly scaling gain that a raise must buy to be kept. */
    public static final double DEFAULT_REQUIRED_GAIN_SHARE = 0.5;
    /** Share of failed outcomes among the recent ones above which an ordinary error backs off. */
    public static final double DEFAULT_ERROR_SHARE_THRESHOLD = 0.2;
    /** Recent median latency, as a multiple of the first cohort's, that ends slow start: calls queue. */
    public static final double SLOW_START_LATENCY_RISE = 2;
    /** How much each success raises the limit in slow start. */
    public static final int SLOW_START_STEP = 3;
    /**
     * Slow start raises the limit to at least the initial one multiplied by this factor per second since
     * its first call started: long calls ramp within about one round trip.
     */
    public static final double SLOW_START_GROWTH_PER_SECOND = 100;
    /**
     * Share of a held limit that its calls must fill on average (throughput × latency) for a fall in
     * throughput to lower it.
     */
    public static final double FILLED_LIMIT_SHARE = 0.75;
    /** Successes whose median latency slow start compares with the first cohort's. */
    public static final int LATENCY_WINDOW = 20;

    /** How the strategy answers a rate-limited call. */
    public enum RateLimitResponse {
        /** Back off like on a timeout: the strategy alone answers the provider's limits. */
        BACKOFF,
        /** Leave the limit alone: a {@link RequestPacer} paces the same calls and answers rate limits. */
        IGNORE
    }

    private static final double RAMP_FACTOR = 2;
    private static final double PROBE_STEP_SHARE = 0.1;
    private static final double LATENCY_SMOOTHING = 0.2;
    private static final int BACKOFFS_TO_COLLAPSE = 2;
    /** Latencies a measurement lasts at least while ramping: a doubling is easy to tell from noise. */
    private static final int RAMP_SPAN_LATENCIES = 1;
    /** Latencies a measurement lasts at least near the knee, where a 10% step must be told from noise. */
    private static final int KNEE_SPAN_LATENCIES = 4;

    private enum Phase {
        /** Raising the limit by one per success until latency rises, a back-off or a rate limit. */
        SLOW_START,
        /** Measuring the current limit before the first raise. */
        BASELINE,
        /** Measuring a raised limit against the throughput before the raise. */
        PROBING,
        /** Keeping the limit, watching the throughput. */
        HOLDING
    }

    private final Ticker ticker;
    private final int minConcurrency;
    private final int maxConcurrency;
    private final double increaseThreshold;
    private final double decreaseThreshold;
    private final int stabilityWindow;
    private final double errorBackoff;
    private final double requiredGainShare;
    private final double errorShareThreshold;
    private final RateLimitResponse rateLimitResponse;
    private final FailureWindow recentOutcomes;
    private final ThroughputMeasurement measurement;
    private final SmoothedLatency latency = new SmoothedLatency(LATENCY_SMOOTHING);
    private final ErrorBurst backoffBurst;
    private final LatencyRise latencyRise;
    private int successesAtTheMaximum;
    private final int initialConcurrency;
    /** When the first call of slow start began: the earliest start of a success reported in it. */
    private long slowStartOrigin = Long.MAX_VALUE;
    private final boolean collapseOnErrors;

    private int limit;
    private int rampCeiling;
    private Phase phase;
    private double referenceThroughput = Double.NaN;
    private int limitBeforeProbe;
    private int stableMeasurements;
    private long lastBackoff = Long.MIN_VALUE;

    /**
     * An adaptive strategy with dotevals' defaults except for the limits given here.
     *
     * @param maxConcurrency the highest limit, at least 1
     * @param initialConcurrency the starting limit, in {@code [1, maxConcurrency]}
     * @param ticker the time source
     */
    public Adaptive(int maxConcurrency, int initialConcurrency, Ticker ticker) {
        this(builder().maxConcurrency(maxConcurrency).initialConcurrency(initialConcurrency).ticker(ticker));
    }

    private Adaptive(Builder builder) {
        builder.validate();
        this.ticker = builder.ticker;
        this.minConcurrency = builder.minConcurrency;
        this.maxConcurrency = builder.maxConcurrency;
        this.increaseThreshold = builder.increaseThreshold;
        this.decreaseThreshold = builder.decreaseThreshold;
        this.stabilityWindow = DEFAULT_STABILITY_WINDOW;
        this.errorBackoff = builder.errorBackoff;
        this.requiredGainShare = builder.requiredGainShare;
        this.errorShareThreshold = builder.errorShareThreshold;
        this.rateLimitResponse = builder.rateLimitResponse;
        this.recentOutcomes = new FailureWindow(DEFAULT_THROUGHPUT_WINDOW);
        this.measurement = new ThroughputMeasurement(
                DEFAULT_THROUGHPUT_WINDOW, DEFAULT_ADAPTATION_INTERVAL.toNanos());
        this.backoffBurst = new ErrorBurst(BACKOFFS_TO_COLLAPSE, builder.collapseWindow.toNanos());
        this.collapseOnErrors = builder.collapseOnErrors;
        this.latencyRise = new LatencyRise(builder.initialConcurrency, LATENCY_WINDOW);
        this.limit = builder.initialConcurrency;
        this.initialConcurrency = builder.initialConcurrency;
        this.rampCeiling = maxConcurrency;
        this.phase = builder.slowStart ? Phase.SLOW_START : Phase.BASELINE;
        measurement.restart(ticker.nanoTime(), 0, 0);
    }

    /** A builder with dotevals' defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized int limit() {
        return limit;
    }

    /** The exponentially smoothed latency of successful calls, or 0 before the first one. */
    public synchronized long smoothedLatencyNanos() {
        return latency.nanos().orElse(0);
    }

    @Override
    public synchronized void onSuccess(long startNanos, long latencyNanos) {
        long now = ticker.nanoTime();
        latency.record(latencyNanos);
        recentOutcomes.record(false);
        measurement.recordSuccess(now);
        if (phase == Phase.SLOW_START) {
            slowStartStep(startNanos, latencyNanos, now);
        } else if (measurement.isComplete(now)) {
            decide(measurement.perSecond(now), now);
        }
    }

    @Override
    public synchronized void onError(long startNanos) {
        recentOutcomes.record(true);
        if (recentOutcomes.failures() > errorShareThreshold * recentOutcomes.capacity()) {
            backOff(startNanos, collapseOnErrors);
        }
    }

    @Override
    public synchronized void onTimeout(long startNanos) {
        recentOutcomes.record(true);
        backOff(startNanos, true);
    }

    @Override
    public synchronized void onRateLimited(long startNanos) {
        if (rateLimitResponse == RateLimitResponse.BACKOFF) {
            backOff(startNanos, true);
        } else if (phase == Phase.SLOW_START) {
            handOverToTheHillClimb(limit, ticker.nanoTime());
        }
    }

    @Override
    public String name() {
        return "adaptive";
    }

    /** One success of slow start: more calls in flight, unless the latency floor shows the calls queue. */
    private void slowStartStep(long startNanos, long latencyNanos, long now) {
        latencyRise.record(startNanos, latencyNanos, now);
        double rise = latencyRise.ratio();
        if (rise > SLOW_START_LATENCY_RISE) {
            handOverToTheHillClimb((int) Math.ceil(limit / rise), now);
        } else if (limit < maxConcurrency) {
            limit = slowStartRaise(startNanos, now);
        } else if (++successesAtTheMaximum >= maxConcurrency) {
            startHolding(maxConcurrency, now);
        }
    }

    /**
     * The limit after a success in slow start: {@value #SLOW_START_STEP} more, which multiplies it by
     * {@value #SLOW_START_STEP} + 1 per round trip, or, when that is more, the initial limit multiplied by
     * {@value #SLOW_START_GROWTH_PER_SECOND} per second since the first call started.
     */
    private int slowStartRaise(long startNanos, long now) {
        slowStartOrigin = Math.min(slowStartOrigin, startNanos);
        double seconds = Math.max(0, now - slowStartOrigin) / 1e9;
        double timely = initialConcurrency * Math.pow(SLOW_START_GROWTH_PER_SECOND, seconds);
        return (int) Math.min(maxConcurrency, Math.max(limit + SLOW_START_STEP, Math.ceil(timely)));
    }

    /**
     * Ends slow start for good: measures {@code newLimit}, then lets the hill-climb judge a doubling.
     * After a latency rise that came from a busy client rather than the provider's capacity, the
     * limit still reaches a high value at the hill-climb's pace.
     */
    private void handOverToTheHillClimb(int newLimit, long now) {
        limit = clamp(newLimit);
        phase = Phase.BASELINE;
        measureNewLimit(now, KNEE_SPAN_LATENCIES);
    }

    private void decide(double throughput, long now) {
        switch (phase) {
            case BASELINE:
                referenceThroughput = throughput;
                raise(now);
                break;
            case PROBING:
                judgeProbe(throughput, now);
                break;
            case HOLDING:
                hold(throughput, now);
                break;
            default:
                throw new AssertionError(phase);
        }
    }

    private void judgeProbe(double throughput, long now) {
        double gain = throughput / referenceThroughput;
        double idealGain = (double) limit / limitBeforeProbe;
        if (gain - 1 >= requiredGainShare * (idealGain - 1)) {
            referenceThroughput = throughput;
            raise(now);
        } else if (callsFilledTheLimit(throughput)) {
            rampCeiling = limitBeforeProbe;
            startHolding(limitBeforeProbe, now);
        } else {
            referenceThroughput = throughput;
            startHolding(limit, now);
        }
    }

    private void hold(double throughput, long now) {
        if (Double.isNaN(referenceThroughput)) {
            referenceThroughput = throughput;
            measureAgain(now);
            return;
        }
        double ratio = throughput / referenceThroughput;
        if (ratio < decreaseThreshold && callsFilledTheLimit(throughput)) {
            referenceThroughput = Double.NaN;
            startHolding(limit - probeStep(), now);
            return;
        }
        referenceThroughput = throughput;
        stableMeasurements = ratio > increaseThreshold ? stableMeasurements + 1 : 0;
        if (stableMeasurements >= stabilityWindow) {
            raise(now);
        } else {
            measureAgain(now);
        }
    }

    /** Raises the limit and measures whether the raise pays; holds if already at the maximum. */
    private void raise(long now) {
        int raised = limit < rampCeiling
                ? Math.min(rampCeiling, (int) Math.ceil(limit * RAMP_FACTOR))
                : limit + probeStep();
        raised = Math.min(maxConcurrency, raised);
        if (raised == limit) {
            phase = Phase.HOLDING;
            stableMeasurements = 0;
            measureAgain(now);
            return;
        }
        boolean ramping = limit < rampCeiling;
        limitBeforeProbe = limit;
        limit = raised;
        phase = Phase.PROBING;
        measureNewLimit(now, ramping ? RAMP_SPAN_LATENCIES : KNEE_SPAN_LATENCIES);
    }

    private void startHolding(int newLimit, long now) {
        limit = clamp(newLimit);
        phase = Phase.HOLDING;
        stableMeasurements = 0;
        measureNewLimit(now, KNEE_SPAN_LATENCIES);
    }

    /**
     * Multiplies the limit by the back-off factor. An overload ({@code overload}: a timeout, a rate limit,
     * or errors when they collapse) also lowers the ramp ceiling with it and counts towards a collapse;
     * frequent errors that do not collapse keep the ceiling, so the limit doubles back once they stop.
     */
    private void backOff(long startNanos, boolean overload) {
        if (startNanos < lastBackoff) {
            return;
        }
        recentOutcomes.clear();
        long now = ticker.nanoTime();
        int backedOffLimit = clamp((int) Math.floor(limit * errorBackoff));
        if (overload) {
            rampCeiling = backedOffLimit;
            limit = backoffBurst.record(now) ? minConcurrency : backedOffLimit;
        } else {
            rampCeiling = Math.max(rampCeiling, limit);
            limit = backedOffLimit;
        }
        lastBackoff = now;
        referenceThroughput = Double.NaN;
        stableMeasurements = 0;
        phase = limit < rampCeiling ? Phase.BASELINE : Phase.HOLDING;
        measureNewLimit(now, KNEE_SPAN_LATENCIES);
    }

    /** Measures the unchanged limit once more, right away. */
    private void measureAgain(long now) {
        measurement.restart(now, 0, KNEE_SPAN_LATENCIES * smoothedLatencyNanos());
    }

    /** Measures a limit that has just changed, once the calls started under the old one are done. */
    private void measureNewLimit(long now, int spanLatencies) {
        long latencyNanos = smoothedLatencyNanos();
        measurement.restart(now, latencyNanos, spanLatencies * latencyNanos);
    }

    /**
     * Whether the calls of a measurement at {@code throughput} kept the limit at least
     * {@value #FILLED_LIMIT_SHARE} full: by Little's law, throughput times latency is the mean number of
     * calls in flight. Below that share something else (a pacer, a shared rate, the supply of rows) bounded
     * the throughput, and a lower limit would not raise it.
     */
    private boolean callsFilledTheLimit(double throughput) {
        return throughput * smoothedLatencyNanos() / 1e9 >= FILLED_LIMIT_SHARE * limit;
    }

    private int probeStep() {
        return Math.max(1, (int) Math.round(limit * PROBE_STEP_SHARE));
    }

    private int clamp(int value) {
        return Math.max(minConcurrency, Math.min(maxConcurrency, value));
    }

    @Override
    public synchronized String toString() {
        return "Adaptive[limit=" + limit + ", phase=" + phase + ", range=[" + minConcurrency + ", "
                + maxConcurrency + "]]";
    }

    /**
     * Builds an {@link Adaptive}; every setting starts at dotevals' default, the limits at the engine's
     * ({@link ConcurrencyStrategies#DEFAULT_NAMED_INITIAL_CONCURRENCY},
     * {@link ConcurrencyStrategies#DEFAULT_MAX_CONCURRENCY}). Not thread-safe.
     */
    public static final class Builder {

        private Ticker ticker = Ticker.system();
        private int initialConcurrency = ConcurrencyStrategies.DEFAULT_NAMED_INITIAL_CONCURRENCY;
        private int minConcurrency = DEFAULT_MIN_CONCURRENCY;
        private int maxConcurrency = ConcurrencyStrategies.DEFAULT_MAX_CONCURRENCY;
        private double increaseThreshold = DEFAULT_INCREASE_THRESHOLD;
        private double decreaseThreshold = DEFAULT_DECREASE_THRESHOLD;
        private double errorBackoff = DEFAULT_ERROR_BACKOFF;
        private Duration collapseWindow = DEFAULT_COLLAPSE_WINDOW;
        private double requiredGainShare = DEFAULT_REQUIRED_GAIN_SHARE;
        private double errorShareThreshold = DEFAULT_ERROR_SHARE_THRESHOLD;
        private RateLimitResponse rateLimitResponse = RateLimitResponse.BACKOFF;
        private boolean slowStart;
        private boolean collapseOnErrors = true;

        private Builder() {}

        /** The time source (default: {@link Ticker#system()}). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The starting limit (default 5), within {@code [minConcurrency, maxConcurrency]}. */
        public Builder initialConcurrency(int initialConcurrency) {
            this.initialConcurrency = initialConcurrency;
            return this;
        }

        /** The lowest limit (default 1), at least 1. */
        public Builder minConcurrency(int minConcurrency) {
            this.minConcurrency = Checks.atLeast(1, minConcurrency, "minConcurrency");
            return this;
        }

        /** The highest limit (default 100), at least {@code minConcurrency}. */
        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = Checks.atLeast(1, maxConcurrency, "maxConcurrency");
            return this;
        }

        /** Throughput ratio above which a held limit counts as stable (default 0.98). */
        public Builder increaseThreshold(double increaseThreshold) {
            this.increaseThreshold = Checks.positive(increaseThreshold, "increaseThreshold");
            return this;
        }

        /** Throughput ratio below which a held limit is lowered (default 0.90), in {@code (0, 1)}. */
        public Builder decreaseThreshold(double decreaseThreshold) {
            this.decreaseThreshold = Checks.fraction(decreaseThreshold, "decreaseThreshold");
            return this;
        }

        /** Multiplies the limit on an error, timeout or rate limit (default 0.7), in {@code (0, 1)}. */
        public Builder errorBackoff(double errorBackoff) {
            this.errorBackoff = Checks.fraction(errorBackoff, "errorBackoff");
            return this;
        }

        /** Span in which a second back-off collapses the limit to the minimum (default 15 s). */
        public Builder collapseWindow(Duration collapseWindow) {
            this.collapseWindow = Checks.positive(collapseWindow, "collapseWindow");
            return this;
        }

        /** Share of a perfectly scaling gain that a raise must buy to be kept (default 0.5), in {@code (0, 1)}. */
        public Builder requiredGainShare(double requiredGainShare) {
            this.requiredGainShare = Checks.fraction(requiredGainShare, "requiredGainShare");
            return this;
        }

        /**
         * Share of failed outcomes among the last {@code throughputWindow} above which an ordinary
         * error backs off (default 0.2), in {@code [0, 1)}; 0 backs off on every error. Timeouts
         * always back off.
         */
        public Builder errorShareThreshold(double errorShareThreshold) {
            if (!(errorShareThreshold >= 0 && errorShareThreshold < 1)) {
                throw new IllegalArgumentException("errorShareThreshold must be in [0, 1), was " + errorShareThreshold);
            }
            this.errorShareThreshold = errorShareThreshold;
            return this;
        }

        /** How a rate-limited call is answered (default {@link RateLimitResponse#BACKOFF}). */
        public Builder rateLimitResponse(RateLimitResponse rateLimitResponse) {
            this.rateLimitResponse = Objects.requireNonNull(rateLimitResponse, "rateLimitResponse");
            return this;
        }

        /**
         * Whether the strategy starts with a slow start phase (default off, dotevals' behaviour):
         * one more call per success until latency rises, a back-off, a rate limit or the maximum.
         */
        public Builder slowStart(boolean slowStart) {
            this.slowStart = slowStart;
            return this;
        }

        /**
         * Whether a back-off on frequent ordinary errors counts towards a collapse to the minimum and
         * lowers the ramp ceiling, as a timeout does (default true, dotevals' behaviour). Off, errors
         * only multiply the limit by {@code errorBackoff} and the limit doubles back once they stop.
         */
        public Builder collapseOnErrors(boolean collapseOnErrors) {
            this.collapseOnErrors = collapseOnErrors;
            return this;
        }

        /** A new strategy whose first measurement starts now. */
        public Adaptive build() {
            return new Adaptive(this);
        }

        private void validate() {
            if (minConcurrency > maxConcurrency) {
                throw new IllegalArgumentException("minConcurrency (" + minConcurrency
                        + ") must not exceed maxConcurrency (" + maxConcurrency + ")");
            }
            if (initialConcurrency < minConcurrency || initialConcurrency > maxConcurrency) {
                throw new IllegalArgumentException("initialConcurrency must be in [" + minConcurrency + ", "
                        + maxConcurrency + "], was " + initialConcurrency);
            }
            if (decreaseThreshold >= increaseThreshold) {
                throw new IllegalArgumentException("decreaseThreshold (" + decreaseThreshold
                        + ") must be below increaseThreshold (" + increaseThreshold + ")");
            }
        }
    }
}

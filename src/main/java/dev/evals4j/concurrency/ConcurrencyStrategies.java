package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Builds concurrency strategies by the names used in configuration
 * ({@code evals4j.concurrency.strategy}, {@code evals4j.concurrency.max},
 * {@code evals4j.concurrency.initial}), and names the project's default strategy and pacer in one
 * place ({@link #defaults}).
 */
@API(status = INTERNAL, since = "0.1")
public final class ConcurrencyStrategies {

    /** {@link Adaptive}: throughput hill-climbing. */
    public static final String ADAPTIVE = "adaptive";
    /** {@link Aimd}: windowed additive increase, multiplicative decrease. */
    public static final String AIMD = "aimd";
    /** {@link SlidingWindow}: fixed at the maximum. */
    public static final String SLIDING = "sliding";
    /** {@link SlidingWindow} of one: one call at a time. */
    public static final String SEQUENTIAL = "sequential";

    /** Every name {@link #create} accepts, in the order error messages list them. */
    public static final List<String> NAMES = List.of(ADAPTIVE, AIMD, SLIDING, SEQUENTIAL);

    private static final String STRATEGY_KEY = "evals4j.concurrency.strategy";
    private static final String MAX_KEY = "evals4j.concurrency.max";
    private static final String INITIAL_KEY = "evals4j.concurrency.initial";

    private ConcurrencyStrategies() {}

    /**
     * The highest limit of {@code adaptive}, {@code aimd} and the default strategy when
     * {@code evals4j.concurrency.max} is not set ({@code sliding} uses {@link SlidingWindow#DEFAULT_MAX_CONCURRENCY}).
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 100;
    /**
     * Where a named {@code adaptive} or {@code aimd} strategy starts when {@code evals4j.concurrency.initial}
     * is not set (dotevals' start).
     */
    public static final int DEFAULT_NAMED_INITIAL_CONCURRENCY = 5;
    /** Where the default strategy starts: high enough to reach a large limit within a few doublings. */
    public static final int DEFAULT_INITIAL_CONCURRENCY = 10;
    /** Share of a perfectly scaling gain a doubling of the default strategy must buy to be kept. */
    public static final double DEFAULT_REQUIRED_GAIN_SHARE = 0.2;
    /** Share of the admitted rate the default pacer falls to on a rate limit. */
    public static final double DEFAULT_ADMITTED_RATE_SHARE = 0.95;
    /** How long the default pacer waits after a decrease before it grows again. */
    public static final Duration DEFAULT_PACER_COOLDOWN = Duration.ofMillis(500);
    /** Factor by which the default pacer's rate grows per second after its cooldown. */
    public static final double DEFAULT_PACER_GROWTH_PER_SECOND = 1.5;
    /** Requests the default pacer lets start back to back. */
    public static final double DEFAULT_PACER_BURST = 10;

    /**
     * What evals4j uses when no strategy is configured, as measured by the benchmark
     * ({@code bench/README.md}): a strategy and a pacer that split the work.
     * <ul>
     *   <li>The strategy is {@link Adaptive}, starting at {@value #DEFAULT_INITIAL_CONCURRENCY} (or
     *       {@code maxConcurrency} if lower) with a {@linkplain Adaptive.Builder#slowStart(boolean)
     *       slow start} ({@value Adaptive#SLOW_START_STEP} more calls per success, so from 10 it reaches
     *       100 within two round trips, and at least ×{@value Adaptive#SLOW_START_GROWTH_PER_SECOND} per
     *       second since the first call, so long calls reach it within about one, until the latency floor
     *       rises or the first rate limit, back-off or the maximum), then keeping a doubling that buys at least
     *       {@value #DEFAULT_REQUIRED_GAIN_SHARE} of a perfectly scaling gain, backing off on
     *       timeouts and on frequent errors (not on isolated ones; errors never
     *       {@linkplain Adaptive.Builder#collapseOnErrors(boolean) collapse} it to the minimum), and
     *       {@linkplain Adaptive.RateLimitResponse#IGNORE ignoring rate limits}: concurrency is the
     *       wrong control for a request-rate limit.</li>
     *   <li>The pacer is an {@link AdaptiveRateLimiter} that paces nothing until the first rate limit,
     *       then falls to {@value #DEFAULT_ADMITTED_RATE_SHARE} of the rate the provider admitted
     *       over the last second (or its last half, when higher), waits
     *       {@link #DEFAULT_PACER_COOLDOWN} and grows ×{@value #DEFAULT_PACER_GROWTH_PER_SECOND} per
     *       second, faster the longer it grows
     *       ({@link AdaptiveRateLimiter.Builder#acceleratingGrowth(boolean) accelerating}: back to four
     *       times its rate within 1.8 s after a provider raised its limit), with a burst of
     *       {@value #DEFAULT_PACER_BURST}; a rate limit before any measurement sets a provisional
     *       rate at once (see {@link AdaptiveRateLimiter}). Against a provider with a burst of 2 and
     *       a {@code Retry-After} of at least a second, 0.9 and a 1 s cooldown paced at about 0.92 of
     *       its rate; {@value #DEFAULT_ADMITTED_RATE_SHARE} and half a second reach about 0.98, for one
     *       more rejected call every second or so.</li>
     *   <li>The pacer also paces tokens ({@link RequestAndTokenPacer}): unpaced until a rate limit bound
     *       by tokens (one whose answer's {@code x-ratelimit-remaining-tokens} cannot pay the call), then
     *       at {@value #DEFAULT_ADMITTED_RATE_SHARE} of the tokens per minute the answer announced (or of
     *       the tokens admitted over the last second), with the same cooldown and growth; a call costs
     *       its estimated tokens times the usage per estimate the calls reported.</li>
     * </ul>
     *
     * @param maxConcurrency the highest limit, at least 1
     * @param ticker the time source of both
     * @return a fresh strategy and pacer, for one executor run
     */
    public static Throttle defaults(int maxConcurrency, Ticker ticker) {
        requireMax(maxConcurrency);
        return defaults(maxConcurrency, Math.min(DEFAULT_INITIAL_CONCURRENCY, maxConcurrency), ticker);
    }

    /**
     * The {@linkplain #defaults(int, Ticker) default pair}, its strategy's slow start beginning at
     * {@code initialConcurrency} ({@code evals4j.concurrency.initial}) instead of
     * {@value #DEFAULT_INITIAL_CONCURRENCY}.
     *
     * @param maxConcurrency the highest limit, at least 1
     * @param initialConcurrency the starting limit, in {@code [1, maxConcurrency]}
     * @param ticker the time source of both
     * @return a fresh strategy and pacer, for one executor run
     * @throws IllegalArgumentException naming the key, the value and the allowed values when a value
     *     is not acceptable
     */
    public static Throttle defaults(int maxConcurrency, int initialConcurrency, Ticker ticker) {
        requireMax(maxConcurrency);
        requireInitial(initialConcurrency, maxConcurrency);
        Objects.requireNonNull(ticker, "ticker");
        ConcurrencyStrategy strategy = Adaptive.builder()
                .maxConcurrency(maxConcurrency)
                .initialConcurrency(initialConcurrency)
                .requiredGainShare(DEFAULT_REQUIRED_GAIN_SHARE)
                .rateLimitResponse(Adaptive.RateLimitResponse.IGNORE)
                .slowStart(true)
                .collapseOnErrors(false)
                .ticker(ticker)
                .build();
        AdaptiveRateLimiter requests = AdaptiveRateLimiter.builder()
                .unpacedStart(true)
                .admittedRateShare(DEFAULT_ADMITTED_RATE_SHARE)
                .cooldown(DEFAULT_PACER_COOLDOWN)
                .growthPerSecond(DEFAULT_PACER_GROWTH_PER_SECOND)
                .acceleratingGrowth(true)
                .burst(DEFAULT_PACER_BURST)
                .ticker(ticker)
                .build();
        return new Throttle(strategy, new RequestAndTokenPacer(requests, TokenRateLimiter.defaults(ticker)));
    }

    /**
     * The {@linkplain #defaults(int, Ticker) default pacer}'s token pacing without its request pacing: the
     * pacer a runner keeps under a {@link SharedLimitPacer}, whose limit group decides the request rate.
     * A request-rate loop of the runner's own under the group's would react to the same rate limits as
     * the group (falling to a share of what this runner alone was admitted, then cooling down and growing
     * on its own clock), and the two decreases would multiply.
     *
     * @param ticker the time source
     * @return a fresh pacer, for one executor run
     */
    public static RequestPacer defaultTokenPacer(Ticker ticker) {
        Objects.requireNonNull(ticker, "ticker");
        return new RequestAndTokenPacer(RequestPacer.unlimited(), TokenRateLimiter.defaults(ticker));
    }

    /**
     * The highest limit when {@code evals4j.concurrency.max} is not set, under the strategy called
     * {@code name} (one of {@link #NAMES}, or empty for the default strategy).
     */
    public static int defaultMaxConcurrency(String name) {
        return switch (name) {
            case SLIDING -> SlidingWindow.DEFAULT_MAX_CONCURRENCY;
            case SEQUENTIAL -> 1;
            default -> DEFAULT_MAX_CONCURRENCY;
        };
    }

    /**
     * The strategy called {@code name} (case-insensitive, surrounding blanks ignored).
     *
     * @param name one of {@link #NAMES}
     * @param maxConcurrency the highest limit ({@code evals4j.concurrency.max}), at least 1; the fixed
     *     limit of {@code sliding}; ignored by {@code sequential}
     * @param initialConcurrency the starting limit ({@code evals4j.concurrency.initial}) of
     *     {@code adaptive} and {@code aimd}, in {@code [1, maxConcurrency]}; ignored by the others
     * @param ticker the time source
     * @throws IllegalArgumentException naming the key, the value and the allowed values when a value
     *     is not acceptable
     */
    public static ConcurrencyStrategy create(String name, int maxConcurrency, int initialConcurrency, Ticker ticker) {
        Objects.requireNonNull(ticker, "ticker");
        String normalized = Objects.requireNonNull(name, STRATEGY_KEY).trim().toLowerCase(Locale.ROOT);
        if (normalized.equals(SEQUENTIAL)) {
            return new SlidingWindow(1);
        }
        if (!NAMES.contains(normalized)) {
            throw new IllegalArgumentException("Unknown concurrency strategy '" + name + "' (" + STRATEGY_KEY
                    + "); allowed values: " + String.join(", ", NAMES));
        }
        requireMax(maxConcurrency);
        if (normalized.equals(SLIDING)) {
            return new SlidingWindow(maxConcurrency);
        }
        requireInitial(initialConcurrency, maxConcurrency);
        return normalized.equals(ADAPTIVE)
                ? new Adaptive(maxConcurrency, initialConcurrency, ticker)
                : new Aimd(maxConcurrency, initialConcurrency, ticker);
    }

    private static void requireInitial(int initialConcurrency, int maxConcurrency) {
        if (initialConcurrency < 1 || initialConcurrency > maxConcurrency) {
            throw new IllegalArgumentException("Bad " + INITIAL_KEY + " value " + initialConcurrency
                    + ": must be between 1 and " + MAX_KEY + " (" + maxConcurrency + ")");
        }
    }

    private static void requireMax(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(
                    "Bad " + MAX_KEY + " value " + maxConcurrency + ": must be at least 1");
        }
    }
}

package dev.evals4j.concurrency;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds concurrency strategies by the names used in configuration
 * ({@code evals4j.concurrency.strategy}, {@code evals4j.concurrency.max},
 * {@code evals4j.concurrency.initial}), and names the project's default strategy in one place.
 */
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
     * The strategy evals4j uses when none is configured: {@link Adaptive} (whose error response is
     * Aimd's: back off at once, collapse on repeated errors), starting at
     * {@value Adaptive#DEFAULT_INITIAL_CONCURRENCY} or {@code maxConcurrency} if lower.
     *
     * @param maxConcurrency the highest limit, at least 1
     * @param ticker the time source
     */
    public static ConcurrencyStrategy defaultStrategy(int maxConcurrency, Ticker ticker) {
        requireMax(maxConcurrency);
        return new Adaptive(maxConcurrency, Math.min(Adaptive.DEFAULT_INITIAL_CONCURRENCY, maxConcurrency), ticker);
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
        if (initialConcurrency < 1 || initialConcurrency > maxConcurrency) {
            throw new IllegalArgumentException("Bad " + INITIAL_KEY + " value " + initialConcurrency
                    + ": must be between 1 and " + MAX_KEY + " (" + maxConcurrency + ")");
        }
        return normalized.equals(ADAPTIVE)
                ? new Adaptive(maxConcurrency, initialConcurrency, ticker)
                : new Aimd(maxConcurrency, initialConcurrency, ticker);
    }

    private static void requireMax(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException(
                    "Bad " + MAX_KEY + " value " + maxConcurrency + ": must be at least 1");
        }
    }
}

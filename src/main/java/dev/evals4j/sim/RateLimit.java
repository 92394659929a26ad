package dev.evals4j.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A provider's request-rate limit: a token bucket that refills at {@code requestsPerSecond} and holds
 * at most {@code burst} requests, with an optional schedule of rate changes relative to the start of
 * the provider (for example, the rate drops to a quarter mid-run and later recovers).
 *
 * <p>The burst stays the same across the schedule; only the refill rate shifts. An unlimited rate
 * ({@link #unlimited()}) admits every request and has no schedule.
 *
 * <p>A rejected request is told to wait until the next token, or {@code minRetryAfter} when that is
 * longer: real providers often ask for a second or more even when their window reopens sooner.
 *
 * @param requestsPerSecond the refill rate before the first step, positive; infinite when unlimited
 * @param burst the bucket's capacity, at least 1
 * @param steps rate changes ordered by time; each replaces the rate from its instant on
 * @param minRetryAfter the shortest wait a {@code 429} announces; zero for the exact time to the next token
 */
record RateLimit(double requestsPerSecond, int burst, List<Step> steps, Duration minRetryAfter) {

    /**
     * One change of the refill rate.
     *
     * @param at when the change happens, relative to the provider's start; not negative
     * @param requestsPerSecond the new refill rate, positive and finite
     */
    public record Step(Duration at, double requestsPerSecond) {

        /** Validates the step. */
        public Step {
            Objects.requireNonNull(at, "at");
            if (at.isNegative()) {
                throw new IllegalArgumentException("rate step time must not be negative, got " + at);
            }
            requirePositiveFinite(requestsPerSecond, "rate step requestsPerSecond");
        }

        double atSeconds() {
            return at.toNanos() / 1e9;
        }
    }

    /** Validates the limit and freezes the steps in time order. */
    public RateLimit {
        if (Double.isNaN(requestsPerSecond) || requestsPerSecond <= 0) {
            throw new IllegalArgumentException(
                    "requestsPerSecond must be positive (or infinite for no limit), got " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        List<Step> sorted = new ArrayList<>(Objects.requireNonNull(steps, "steps"));
        sorted.sort(Comparator.comparing(Step::at));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).at().equals(sorted.get(i - 1).at())) {
                throw new IllegalArgumentException("two rate steps at the same time " + sorted.get(i).at());
            }
        }
        if (Double.isInfinite(requestsPerSecond) && !sorted.isEmpty()) {
            throw new IllegalArgumentException("an unlimited rate cannot have a schedule of steps");
        }
        steps = List.copyOf(sorted);
        Objects.requireNonNull(minRetryAfter, "minRetryAfter");
        if (minRetryAfter.isNegative()) {
            throw new IllegalArgumentException("minRetryAfter must not be negative, got " + minRetryAfter);
        }
    }

    /** No limit: every request is admitted. */
    public static RateLimit unlimited() {
        return new RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE, List.of(), Duration.ZERO);
    }

    /**
     * A constant limit.
     *
     * @param requestsPerSecond the refill rate, positive and finite
     * @param burst the bucket's capacity, at least 1
     */
    public static RateLimit of(double requestsPerSecond, int burst) {
        requirePositiveFinite(requestsPerSecond, "requestsPerSecond");
        return new RateLimit(requestsPerSecond, burst, List.of(), Duration.ZERO);
    }

    /**
     * Returns a copy of this limit whose rate changes to {@code requestsPerSecond} at {@code at}.
     *
     * @throws IllegalArgumentException if this limit is unlimited or a step already exists at {@code at}
     */
    public RateLimit withStep(Duration at, double requestsPerSecond) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(at, requestsPerSecond));
        return new RateLimit(this.requestsPerSecond, burst, more, minRetryAfter);
    }

    /**
     * Returns a copy of this limit whose {@code 429}s announce at least {@code minRetryAfter}.
     *
     * @throws IllegalArgumentException if {@code minRetryAfter} is negative
     */
    public RateLimit withMinRetryAfter(Duration minRetryAfter) {
        return new RateLimit(requestsPerSecond, burst, steps, minRetryAfter);
    }

    /** Whether this limit admits every request. */
    public boolean isUnlimited() {
        return Double.isInfinite(requestsPerSecond);
    }

    /** The refill rate in force {@code elapsedSeconds} after the start. */
    public double rateAt(double elapsedSeconds) {
        double rate = requestsPerSecond;
        for (Step step : steps) {
            if (step.atSeconds() > elapsedSeconds) {
                break;
            }
            rate = step.requestsPerSecond();
        }
        return rate;
    }

    /**
     * The number of permits the schedule adds between two instants (the integral of the rate), ignoring
     * the burst cap.
     *
     * @param fromSeconds the earlier instant, relative to the start
     * @param toSeconds the later instant, relative to the start
     */
    public double permitsBetween(double fromSeconds, double toSeconds) {
        if (toSeconds <= fromSeconds) {
            return 0;
        }
        if (isUnlimited()) {
            return Double.POSITIVE_INFINITY;
        }
        double permits = 0;
        double cursor = fromSeconds;
        for (Step step : steps) {
            double boundary = step.atSeconds();
            if (boundary <= cursor) {
                continue;
            }
            if (boundary >= toSeconds) {
                break;
            }
            permits += (boundary - cursor) * rateAt(cursor);
            cursor = boundary;
        }
        return permits + (toSeconds - cursor) * rateAt(cursor);
    }

    private static void requirePositiveFinite(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}

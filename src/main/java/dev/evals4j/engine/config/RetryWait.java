package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.execution.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The wait between attempts that {@code evals4j.retry.wait} names: {@code none}, {@code fixed:<duration>}
 * or {@code exponential:<initial>..<max>}, every duration in the grammar of {@link Durations}.
 *
 * @param initial the fixed wait, or the first exponential one
 * @param max the longest exponential wait ({@code initial} when fixed)
 * @param exponential whether the wait doubles after each failed attempt (with the policy's jitter)
 */
@API(status = INTERNAL, since = "0.1")
public record RetryWait(Duration initial, Duration max, boolean exponential) {

    /** What {@link #parse} accepts, for error messages. */
    public static final String SYNTAX = "none, fixed:<duration> or exponential:<initial>..<max> (initial at most max),"
            + " where a duration is a whole number followed by ms, s, m or h (e.g. 500ms, 2s, 1m) or ISO-8601 (PT2S)";

    private static final String FIXED = "fixed:";
    private static final String EXPONENTIAL = "exponential:";

    /** Validates. */
    public RetryWait {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.compareTo(max) > 0 || !exponential && !initial.equals(max)) {
            throw new IllegalArgumentException("inconsistent retry wait: " + initial + ".." + max);
        }
    }

    /** The wait of {@link RetryPolicy#defaults()}. */
    public static RetryWait defaults() {
        return new RetryWait(RetryPolicy.DEFAULT_INITIAL_WAIT, RetryPolicy.DEFAULT_MAX_WAIT, true);
    }

    /** The wait {@code text} names, or empty when it is not one of {@link #SYNTAX}. */
    public static Optional<RetryWait> parse(String text) {
        String value = text.trim();
        if (value.equals("none")) {
            return Optional.of(new RetryWait(Duration.ZERO, Duration.ZERO, false));
        }
        if (value.startsWith(FIXED)) {
            return Durations.parseNonNegative(value.substring(FIXED.length())).map(d -> new RetryWait(d, d, false));
        }
        if (value.startsWith(EXPONENTIAL)) {
            String[] bounds = value.substring(EXPONENTIAL.length()).split("\\.\\.", -1);
            if (bounds.length == 2) {
                Optional<Duration> initial = Durations.parseNonNegative(bounds[0]);
                Optional<Duration> max = Durations.parseNonNegative(bounds[1]);
                if (initial.isPresent() && max.isPresent() && initial.get().compareTo(max.get()) <= 0) {
                    return Optional.of(new RetryWait(initial.get(), max.get(), true));
                }
            }
        }
        return Optional.empty();
    }

    /** Sets this wait on {@code builder}; returns it. */
    public RetryPolicy.Builder applyTo(RetryPolicy.Builder builder) {
        return exponential ? builder.waitExponential(initial, max) : builder.waitFixed(initial);
    }

    /** The wait in the syntax {@link #parse} reads. */
    @Override
    public String toString() {
        if (exponential) {
            return EXPONENTIAL + Durations.format(initial) + ".." + Durations.format(max);
        }
        return initial.isZero() ? "none" : FIXED + Durations.format(initial);
    }
}

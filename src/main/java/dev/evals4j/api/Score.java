package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One named measurement of an eval's output: a value, whether it passed, and optionally a detail
 * that explains it (for a failure: what was expected and what came instead).
 *
 * @param name what was measured, such as {@code exact_match}; not blank
 * @param value the measurement, conventionally 1.0 for a pass and 0.0 for a fail
 * @param passed whether the measurement meets its bar
 * @param detail an explanation, or {@code null} when there is none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Score(String name, double value, boolean passed, String detail) {

    /** Validates. */
    public Score {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A score name must not be blank");
        }
    }

    /** A passing score of 1.0 without detail. */
    public static Score pass(String name) {
        return new Score(name, 1.0, true, null);
    }

    /** A failing score of 0.0 that says why. */
    public static Score fail(String name, String detail) {
        return new Score(name, 0.0, false, Objects.requireNonNull(detail, "detail"));
    }

    /** A pass (1.0) or a fail (0.0) without detail. */
    public static Score of(String name, boolean passed) {
        return new Score(name, passed ? 1.0 : 0.0, passed, null);
    }

    /**
     * A graded score that passes when {@code value >= threshold}; NaN never passes. A failure's
     * detail states the value and the threshold.
     */
    public static Score of(String name, double value, double threshold) {
        boolean passed = value >= threshold;
        return new Score(name, value, passed,
                passed ? null : value + " is below the threshold " + threshold);
    }

    /** The detail, if any. */
    public Optional<String> explanation() {
        return Optional.ofNullable(detail);
    }

    /** This score with another detail. */
    public Score withDetail(String newDetail) {
        return new Score(name, value, passed, newDetail);
    }
}

package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A confidence interval of a proportion.
 *
 * @param lower the lower bound, in [0, 1]
 * @param upper the upper bound, in [lower, 1]
 */
@API(status = INTERNAL, since = "0.1")
public record Interval(double lower, double upper) {

    /** Validates. */
    public Interval {
        if (!(0 <= lower && lower <= upper && upper <= 1)) {
            throw new IllegalArgumentException("Not an interval of a proportion: [" + lower + ", " + upper + "]");
        }
    }

    /** {@code [0.512, 0.874]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", lower, upper);
    }
}

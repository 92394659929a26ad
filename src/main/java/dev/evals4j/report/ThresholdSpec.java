package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A bound on an aggregate metric of a method (from {@code @Threshold}).
 *
 * @param metric {@code accuracy}, {@code pass_rate}, {@code error_rate} or {@code mean:<score>}
 * @param min the smallest acceptable value, inclusive
 * @param max the largest acceptable value, inclusive
 */
@API(status = INTERNAL, since = "0.1")
public record ThresholdSpec(String metric, double min, double max) {

    /** Validates. */
    public ThresholdSpec {
        Objects.requireNonNull(metric, "metric");
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("threshold on '" + metric + "' has min " + min + " above max " + max);
        }
    }

    /**
     * Why {@code summary} misses this bound, or empty when it meets it. A metric no row produced (a
     * score that never appeared) misses it.
     */
    public Optional<String> violation(MethodSummary summary) {
        OptionalDouble value = summary.metric(metric);
        if (value.isEmpty()) {
            return Optional.of("metric '" + metric + "' has no value (known metrics: accuracy, pass_rate, "
                    + "error_rate, mean:<score> with scores " + summary.meanScores().keySet() + ")");
        }
        double v = value.getAsDouble();
        if (v < min) {
            return Optional.of(String.format(Locale.ROOT, "%s = %.4f is below the minimum %.4f", metric, v, min));
        }
        if (v > max) {
            return Optional.of(String.format(Locale.ROOT, "%s = %.4f is above the maximum %.4f", metric, v, max));
        }
        return Optional.empty();
    }
}

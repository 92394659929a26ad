package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/** Statistics of proportions shared by the summaries of a run and of stored experiments. Stateless. */
@API(status = INTERNAL, since = "0.1")
public final class Aggregates {

    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    private Aggregates() {}

    /**
     * The 95% Wilson score interval of {@code successes} out of {@code trials}: unlike the normal
     * approximation it stays inside [0, 1] and is sensible for small samples and for 0% or 100%.
     *
     * @return the interval, or empty when there are no trials
     */
    public static Optional<Interval> wilson95(long successes, long trials) {
        return wilson(successes, trials, Z_95);
    }

    /** The Wilson score interval for the normal quantile {@code z}; empty when there are no trials. */
    public static Optional<Interval> wilson(long successes, long trials, double z) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes=" + successes + " must be in [0, trials=" + trials + "]");
        }
        if (trials == 0) {
            return Optional.empty();
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Optional.of(new Interval(Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)));
    }
}

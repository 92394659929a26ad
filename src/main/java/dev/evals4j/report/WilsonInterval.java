package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.storage.Aggregates;
import org.apiguardian.api.API;

/**
 * The Wilson score interval of a proportion: a confidence interval that stays inside [0, 1] and
 * behaves well for small samples and proportions near 0 or 1, unlike the normal approximation.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
@API(status = INTERNAL, since = "0.1")
public record WilsonInterval(double low, double high) {

    /**
     * The 95% interval of {@code successes} out of {@code trials}; {@code [0, 1]} when there was no
     * trial. Computed by {@link Aggregates#wilson95}, which the stored-experiment summaries share.
     *
     * @throws IllegalArgumentException if {@code successes} is outside {@code [0, trials]}
     */
    public static WilsonInterval of95(long successes, long trials) {
        return Aggregates.wilson95(successes, trials)
                .map(interval -> new WilsonInterval(interval.lower(), interval.upper()))
                .orElse(new WilsonInterval(0, 1));
    }
}

package dev.evals4j.report;

/**
 * The Wilson score interval of a proportion: a confidence interval that stays inside [0, 1] and
 * behaves well for small samples and proportions near 0 or 1, unlike the normal approximation.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
public record WilsonInterval(double low, double high) {

    /** The z value of a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    /**
     * The 95% interval of {@code successes} out of {@code trials}; {@code [0, 1]} when there was no
     * trial.
     *
     * @throws IllegalArgumentException if {@code successes} is outside {@code [0, trials]}
     */
    public static WilsonInterval of95(long successes, long trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes out of " + trials + " trials");
        }
        if (trials == 0) {
            return new WilsonInterval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double margin = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new WilsonInterval(Math.max(0, centre - margin), Math.min(1, centre + margin));
    }
}

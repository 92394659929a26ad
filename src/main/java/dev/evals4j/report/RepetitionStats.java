package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How consistently the rows of a method that runs each row several times were judged, row by row
 * and in aggregate.
 *
 * @param rows the rows with at least two judged repetitions (errors and rows that did not run excluded)
 * @param agreement the share of those rows whose repetitions all got the same verdict
 * @param meanStdDev the mean, over those rows, of the standard deviation of their pass/fail outcomes
 *     (0 when every row is stable, 0.5 at most)
 * @param accuracyByRepetition the accuracy of each repetition (repetition 1 first) over its judged
 *     rows; unmodifiable
 */
@API(status = INTERNAL, since = "0.1")
public record RepetitionStats(long rows, double agreement, double meanStdDev, List<Double> accuracyByRepetition) {

    /** Copies. */
    public RepetitionStats {
        accuracyByRepetition = List.copyOf(accuracyByRepetition);
    }

    /** The lowest accuracy of any repetition, or {@code NaN} when none was judged. */
    public double minAccuracy() {
        return accuracyByRepetition.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The highest accuracy of any repetition, or {@code NaN} when none was judged. */
    public double maxAccuracy() {
        return accuracyByRepetition.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The standard deviation of the accuracy across repetitions (population), or 0 with fewer than two. */
    public double accuracyStdDev() {
        int n = accuracyByRepetition.size();
        if (n < 2) {
            return 0;
        }
        double mean = accuracyByRepetition.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = accuracyByRepetition.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
        return Math.sqrt(squares / n);
    }
}

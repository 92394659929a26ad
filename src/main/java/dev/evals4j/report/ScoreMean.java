package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.storage.Aggregates;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The mean of one score over a method's rows with its 95% confidence interval. A pass/fail score
 * (every value 0 or 1) gets the Wilson interval of its proportion; a graded score (recall@k, a
 * reciprocal rank, a similarity) gets the normal interval of its mean, {@code mean ± 1.96 s / √n}
 * with the sample standard deviation {@code s}, kept within the lowest and highest value seen (a
 * single value is its own interval).
 *
 * @param mean the mean of the values
 * @param low the interval's lower bound
 * @param high the interval's upper bound
 * @param count how many rows gave the score
 */
@API(status = INTERNAL, since = "0.1")
public record ScoreMean(double mean, double low, double high, long count) {

    /** {@code 0.600 [0.408, 0.792]}. */
    public String toText() {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", mean, low, high);
    }

    /**
     * Adds up one score's values. Not thread-safe: owned by the {@link SummaryAccumulator} that owns it.
     */
    static final class Accumulator {

        private long count;
        private double sum;
        private double sumOfSquares;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private long ones;
        private boolean passFail = true;

        void add(double value) {
            count++;
            sum += value;
            sumOfSquares += value * value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (value == 1) {
                ones++;
            } else if (value != 0) {
                passFail = false;
            }
        }

        double mean() {
            return sum / count;
        }

        ScoreMean result() {
            double mean = mean();
            if (passFail) {
                WilsonInterval wilson = WilsonInterval.of95(ones, count);
                return new ScoreMean(mean, wilson.low(), wilson.high(), count);
            }
            if (count < 2) {
                return new ScoreMean(mean, mean, mean, count);
            }
            double variance = Math.max(0, (sumOfSquares - count * mean * mean) / (count - 1));
            double halfWidth = Aggregates.Z_95 * Math.sqrt(variance / count);
            return new ScoreMean(mean, Math.max(min, mean - halfWidth), Math.min(max, mean + halfWidth), count);
        }
    }
}

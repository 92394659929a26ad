package dev.evals4j.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The median and range of one figure over repeated runs, such as the ratio of {@code default}'s three
 * runs of a scenario.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many runs
 */
public record Spread(double median, double min, double max, int count) {

    /**
     * The spread of {@code values}.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value, got none");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], n);
    }

    /**
     * The run whose ratio is the median (for an even count, the lower of the middle two), which the
     * results table shows for a repeated contender.
     *
     * @throws IllegalArgumentException if {@code runs} is empty
     */
    public static BenchRow medianRun(List<BenchRow> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a median run needs at least one run, got none");
        }
        List<BenchRow> sorted = runs.stream().sorted(Comparator.comparingDouble(BenchRow::ratio)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** {@code median (min–max)} in {@code format}, or the median alone for one run. */
    public String describe(String format) {
        String medianText = String.format(Locale.ROOT, format, median);
        return count == 1 ? medianText
                : medianText + " (" + String.format(Locale.ROOT, format, min) + "–"
                        + String.format(Locale.ROOT, format, max) + ")";
    }
}

package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A row (one repetition of it) that completed with a failing verdict, as a method's summary lists it.
 *
 * @param rowId the row's id
 * @param repetition the 1-based repetition
 * @param repeated whether the method runs its rows more than once (then the text names the repetition)
 * @param failingScores the scores that failed, by name, in the method's order; unmodifiable, empty when
 *     the verdict names no score (a method that returned {@code false} or threw an assertion)
 */
@API(status = INTERNAL, since = "0.1")
public record FailingRow(String rowId, int repetition, boolean repeated, Map<String, Double> failingScores) {

    /** Validates and copies, keeping the order of the scores. */
    public FailingRow {
        Objects.requireNonNull(rowId, "rowId");
        failingScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failingScores));
    }

    /** The row and its failing scores, such as {@code r005 numeric_match=0} or {@code r005 #2 similarity=0.41}. */
    public String toText() {
        String label = repeated ? rowId + " #" + repetition : rowId;
        return failingScores.isEmpty() ? label : label + " " + scoresText(failingScores);
    }

    /**
     * Scores as {@code name=value} pairs separated by commas, each value with at most three decimals and
     * no trailing zeros ({@code numeric_match=0}, {@code similarity=0.417}).
     */
    public static String scoresText(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .map(e -> e.getKey() + "=" + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String number(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return String.valueOf(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}

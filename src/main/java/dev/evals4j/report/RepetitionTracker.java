package dev.evals4j.report;

import dev.evals4j.report.RowRecord.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the passing and judged repetitions of every row, and of every repetition across rows, for
 * {@link RepetitionStats}. Holds one entry per row, so it is used only when rows repeat.
 *
 * <p>Not thread-safe: owned by the {@link SummaryAccumulator} that uses it.
 */
final class RepetitionTracker {

    /** Row id → {judged repetitions, passing repetitions}. */
    private final Map<String, long[]> byRow = new HashMap<>();
    /** Repetition → {judged rows, passing rows}. */
    private final Map<Integer, long[]> byRepetition = new TreeMap<>();

    void add(String rowId, int repetition, Verdict verdict) {
        if (verdict == Verdict.PASSED || verdict == Verdict.FAILED) {
            count(byRow.computeIfAbsent(rowId, id -> new long[2]), verdict);
            count(byRepetition.computeIfAbsent(repetition, r -> new long[2]), verdict);
        }
    }

    private static void count(long[] counts, Verdict verdict) {
        counts[0]++;
        if (verdict == Verdict.PASSED) {
            counts[1]++;
        }
    }

    RepetitionStats stats() {
        long rows = 0;
        long agreeing = 0;
        double stdDevSum = 0;
        for (long[] counts : byRow.values()) {
            if (counts[0] < 2) {
                continue;
            }
            rows++;
            double p = (double) counts[1] / counts[0];
            if (counts[1] == 0 || counts[1] == counts[0]) {
                agreeing++;
            }
            stdDevSum += Math.sqrt(p * (1 - p));
        }
        List<Double> accuracies = byRepetition.values().stream().map(c -> (double) c[1] / c[0]).toList();
        return rows == 0 ? new RepetitionStats(0, 1, 0, accuracies)
                : new RepetitionStats(rows, (double) agreeing / rows, stdDevSum / rows, accuracies);
    }
}

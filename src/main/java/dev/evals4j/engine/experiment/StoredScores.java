package dev.evals4j.engine.experiment;

import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.storage.ScoreRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between a row's {@link RowOutcome} and the scores a run record stores, so that a restored
 * row passes or fails exactly as it did when it ran. Stateless.
 *
 * <p>Every named score is stored with its value; it is failed when one of the outcome's failure
 * descriptions names it ({@code name=value (detail)}, as {@code ReturnValues} writes them), and that
 * description becomes its detail. A failing outcome with no failing score (a method that returned
 * {@code false}) is stored as one more score, {@value #VERDICT}, of value 0.
 */
final class StoredScores {

    /** The score that carries a verdict no named score explains. */
    public static final String VERDICT = "evals4j.verdict";

    private StoredScores() {}

    /** The scores to store for {@code outcome}; empty for a passing outcome without scores. */
    public static List<ScoreRecord> of(RowOutcome outcome) {
        List<ScoreRecord> scores = new ArrayList<>();
        List<String> unexplained = new ArrayList<>(outcome.failures());
        outcome.scores().forEach((name, value) -> {
            String failure = outcome.failures().stream().filter(f -> f.startsWith(name + "=")).findFirst().orElse(null);
            unexplained.remove(failure);
            scores.add(new ScoreRecord(name, value, failure == null, failure));
        });
        if (!outcome.passed() && scores.stream().allMatch(ScoreRecord::notFailed)) {
            scores.add(new ScoreRecord(VERDICT, 0.0, false, String.join("; ", unexplained)));
        }
        return scores;
    }

    /** The numeric values of stored scores, by name, without the synthetic {@value #VERDICT}. */
    public static Map<String, Double> values(List<ScoreRecord> scores) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (ScoreRecord score : scores) {
            if (score.value() != null && !score.name().equals(VERDICT)) {
                values.put(score.name(), score.value());
            }
        }
        return values;
    }

    /** What failed, one description per failed score, as the row's failure message lists them. */
    public static List<String> failures(List<ScoreRecord> scores) {
        return ScoreRecord.failures(scores);
    }
}

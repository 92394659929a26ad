package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The aggregate of an experiment's runs, as {@link RunTally} computes it, in the vocabulary of the
 * engine's method summary: every run is exactly one of passed, failed, an error, or did not run.
 *
 * @param runs how many (row, repetition) pairs are stored
 * @param completed how many completed (with or without retries): the passed and the failed ones
 * @param completedWithRetries how many of those needed more than one attempt
 * @param passed how many completed with no failed score
 * @param failed how many completed with a failing verdict (a failed score, {@code false}, an assertion)
 * @param errors how many ended with an exception after their attempts, or a timeout
 * @param didNotRun how many never ran
 * @param meanScores the mean of each numeric score over the completed runs that have it, by name
 *     in order of first appearance
 */
@API(status = INTERNAL, since = "0.1")
public record RunSummary(
        long runs,
        long completed,
        long completedWithRetries,
        long passed,
        long failed,
        long errors,
        long didNotRun,
        Map<String, Double> meanScores) {

    /** Copies. */
    public RunSummary {
        meanScores = Collections.unmodifiableMap(new LinkedHashMap<>(meanScores));
    }

    /** The share of completed runs that passed, or empty when none completed. */
    public OptionalDouble accuracy() {
        return completed == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) passed / completed);
    }

    /** The 95% Wilson interval of {@link #accuracy()}, or empty when none completed. */
    public Optional<Interval> accuracyInterval() {
        return Aggregates.wilson95(passed, completed);
    }
}

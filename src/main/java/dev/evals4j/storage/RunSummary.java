package dev.evals4j.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The aggregate of an experiment's runs, as {@link RunTally} computes it.
 *
 * @param runs how many (row, repetition) pairs are stored
 * @param completed how many completed (with or without retries)
 * @param completedWithRetries how many of those needed more than one attempt
 * @param failed how many failed
 * @param didNotRun how many never ran
 * @param passed how many completed with no failed score
 * @param meanScores the mean of each numeric score over the completed runs that have it, by name
 *     in order of first appearance
 */
public record RunSummary(
        long runs,
        long completed,
        long completedWithRetries,
        long failed,
        long didNotRun,
        long passed,
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

package dev.evals4j.storage.cli;

import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.RunTally;
import dev.evals4j.storage.RunSummary;
import java.util.List;
import java.util.stream.Stream;

/** Finds the experiments a command names, and summarises them. */
final class ExperimentSelection {

    private ExperimentSelection() {}

    /**
     * The experiments named {@code name} (one per suite), restricted to {@code suite} when given.
     *
     * @throws NoSuchExperimentException when there is none
     */
    static List<ExperimentInfo> named(ResultStore store, String name, String suite) {
        List<ExperimentInfo> found = store.listExperiments().stream()
                .filter(e -> e.name().equals(name) && (suite == null || e.suite().equals(suite)))
                .toList();
        if (found.isEmpty()) {
            throw new NoSuchExperimentException("No experiment named " + name
                    + (suite == null ? "" : " for suite " + suite) + " in this store; `list` shows the experiments");
        }
        return found;
    }

    /** The summary of every stored run of {@code experiment}. */
    static RunSummary summarise(ResultStore store, ExperimentInfo experiment) {
        RunTally tally = new RunTally();
        try (Stream<RunRecord> runs = store.runs(experiment.id())) {
            runs.forEach(tally::add);
        }
        return tally.summary();
    }

    /** A named experiment does not exist. */
    static final class NoSuchExperimentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchExperimentException(String message) {
            super(message);
        }
    }
}

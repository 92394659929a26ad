package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Accumulates runs one at a time into a {@link RunSummary}, at memory independent of the number of
 * runs (one counter per score name). A completed run passed when {@link RunRecord#passed()} says so
 * and failed otherwise; a {@code FAILED} run is an error. Not thread-safe: one owner feeds it.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunTally {

    private long runs;
    private long completed;
    private long completedWithRetries;
    private long passed;
    private long errors;
    private long didNotRun;
    private final Map<String, double[]> scoreSums = new LinkedHashMap<>();

    /** Counts {@code run}. */
    public void add(RunRecord run) {
        runs++;
        switch (run.status()) {
            case COMPLETED -> completed++;
            case COMPLETED_WITH_RETRIES -> {
                completed++;
                completedWithRetries++;
            }
            case FAILED -> errors++;
            case DID_NOT_RUN -> didNotRun++;
        }
        if (!run.status().isCompleted()) {
            return;
        }
        if (run.passed()) {
            passed++;
        }
        for (ScoreRecord score : run.scores()) {
            if (score.value() != null) {
                double[] sumAndCount = scoreSums.computeIfAbsent(score.name(), name -> new double[2]);
                sumAndCount[0] += score.value();
                sumAndCount[1]++;
            }
        }
    }

    /** The summary of every run added so far. */
    public RunSummary summary() {
        Map<String, Double> means = new LinkedHashMap<>();
        scoreSums.forEach((name, sumAndCount) -> means.put(name, sumAndCount[0] / sumAndCount[1]));
        return new RunSummary(runs, completed, completedWithRetries, passed, completed - passed, errors, didNotRun,
                means);
    }
}

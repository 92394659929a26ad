package dev.evals4j.storage;

import dev.evals4j.execution.ExecutionStatus;
import java.time.Instant;
import java.util.List;

/** Builders of run records for tests. */
final class Runs {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Runs() {}

    static RunRecord run(long experimentId, String rowId, int repetition, ExecutionStatus status, String output) {
        boolean failed = status == ExecutionStatus.FAILED;
        List<AttemptError> history = failed || status == ExecutionStatus.COMPLETED_WITH_RETRIES
                ? List.of(new AttemptError("java.io.IOException", "boom " + output, "at x.y(Z.java:1)"))
                : List.of();
        return new RunRecord(experimentId, rowId, repetition, status,
                status.isCompleted() ? "\"" + output + "\"" : null,
                status.isCompleted() ? ScoreRecord.toJson(List.of(new ScoreRecord("exact", 1.0, true, null))) : null,
                failed ? "java.io.IOException: boom " + output : null,
                history, status == ExecutionStatus.DID_NOT_RUN ? 0 : history.size() + (failed ? 0 : 1),
                status == ExecutionStatus.DID_NOT_RUN ? null : T0,
                status == ExecutionStatus.DID_NOT_RUN ? null : T0.plusMillis(250),
                "hash-" + rowId);
    }

    static RunRecord completed(long experimentId, String rowId, String output) {
        return run(experimentId, rowId, 0, ExecutionStatus.COMPLETED, output);
    }
}

package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The stored outcome of one (row, repetition) pair of an experiment.
 *
 * @param experimentId the experiment it belongs to
 * @param rowId the row's stable id
 * @param repetition the 0-based repetition
 * @param status the final status of the pair
 * @param outputJson the output as JSON, or {@code null} when there is none
 * @param scoresJson the scores as a JSON array of {@link ScoreRecord}s, or {@code null}
 * @param error the last error on one line ({@code type: message}, redacted), or {@code null}
 * @param history every failed attempt's error, oldest first; unmodifiable
 * @param attempts how many attempts were started
 * @param start when the first attempt started, or {@code null} if none did
 * @param end when the outcome became known, or {@code null} if no attempt started
 * @param contentHash the row's content hash when it ran, or {@code null}
 */
@API(status = INTERNAL, since = "0.1")
public record RunRecord(
        long experimentId,
        String rowId,
        int repetition,
        ExecutionStatus status,
        String outputJson,
        String scoresJson,
        String error,
        List<AttemptError> history,
        int attempts,
        Instant start,
        Instant end,
        String contentHash) {

    private static final int MAX_ERROR_LENGTH = 500;

    /** Validates and copies. */
    public RunRecord {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
        if (repetition < 0 || attempts < 0) {
            throw new IllegalArgumentException(
                    "repetition=" + repetition + " and attempts=" + attempts + " must be >= 0");
        }
    }

    /**
     * The record of an executed pair: status, attempts, times and the (redacted) history come from
     * {@code details}; the last exception becomes {@link #error()}.
     *
     * @param experimentId the experiment
     * @param key the pair
     * @param details what the executor reported
     * @param outputJson the output as JSON, or {@code null}
     * @param scoresJson the scores as JSON (see {@link ScoreRecord#toJson(List)}), or {@code null}
     * @param contentHash the row's content hash, or {@code null}
     * @return the record
     */
    public static RunRecord of(
            long experimentId,
            RunKey key,
            ExecutionDetails details,
            String outputJson,
            String scoresJson,
            String contentHash) {
        List<AttemptError> history = details.exceptions().stream().map(AttemptError::of).toList();
        String error = history.isEmpty() || details.status().isCompleted()
                ? null
                : oneLine(history.get(history.size() - 1));
        return new RunRecord(experimentId, key.rowId(), key.repetition(), details.status(), outputJson,
                scoresJson, error, history, details.attempts(), details.start(), details.end(), contentHash);
    }

    /** The record of a pair that was never started. */
    public static RunRecord didNotRun(long experimentId, RunKey key, String contentHash) {
        return new RunRecord(experimentId, key.rowId(), key.repetition(), ExecutionStatus.DID_NOT_RUN,
                null, null, null, List.of(), 0, null, null, contentHash);
    }

    /** The pair this record is about. */
    public RunKey key() {
        return new RunKey(rowId, repetition);
    }

    /** A copy with other scores. */
    public RunRecord withScores(String newScoresJson) {
        return new RunRecord(experimentId, rowId, repetition, status, outputJson, newScoresJson, error,
                history, attempts, start, end, contentHash);
    }

    /** The parsed {@link #scoresJson()}. */
    public List<ScoreRecord> scores() {
        return ScoreRecord.listFromJson(scoresJson);
    }

    /** Whether the pair completed and none of its scores failed. */
    public boolean passed() {
        return status.isCompleted() && scores().stream().allMatch(ScoreRecord::notFailed);
    }

    /** The history as JSON, see {@link AttemptError#toJson(List)}. */
    public String historyJson() {
        return AttemptError.toJson(history);
    }

    private static String oneLine(AttemptError last) {
        String line = last.oneLine();
        return line.length() <= MAX_ERROR_LENGTH ? line : line.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}

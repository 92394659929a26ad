package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the summary needs to know about one finished row (one repetition of it).
 *
 * @param rowId the row's id (its repetitions share it)
 * @param repetition the 1-based repetition this record is of
 * @param verdict how the row ended
 * @param attempts the attempts made, rate-limited ones included
 * @param rateLimitHits how many attempts a rate limit rejected
 * @param executionSeconds the time spent inside attempts
 * @param scores the numeric scores the row produced, by name; unmodifiable
 * @param failingScores the scores that failed, by name, for a row with a {@link Verdict#FAILED} verdict;
 *     unmodifiable, in the method's order
 */
@API(status = INTERNAL, since = "0.1")
public record RowRecord(String rowId, int repetition, Verdict verdict, int attempts, int rateLimitHits, double executionSeconds,
        Map<String, Double> scores, Map<String, Double> failingScores) {

    /** Validates and copies. */
    public RowRecord {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(verdict, "verdict");
        scores = Map.copyOf(scores);
        failingScores = Collections.unmodifiableMap(new LinkedHashMap<>(failingScores));
    }

    /** A record without failing scores (a passing row, an error, or a verdict that names no score). */
    public RowRecord(String rowId, int repetition, Verdict verdict, int attempts, int rateLimitHits,
            double executionSeconds, Map<String, Double> scores) {
        this(rowId, repetition, verdict, attempts, rateLimitHits, executionSeconds, scores, Map.of());
    }

    /** The retries of this row: attempts after the first that a rate limit did not cause. */
    public int retries() {
        return Math.max(0, attempts - 1 - rateLimitHits);
    }

    /** How a row ended, for aggregation. */
    public enum Verdict {
        /** It produced a passing result. */
        PASSED,
        /** It produced a failing result (a failing score, {@code false}, an assertion). */
        FAILED,
        /** It failed with an exception after its last attempt (or a timeout, or a bad line). */
        ERROR,
        /** It never ran (stopped run). */
        DID_NOT_RUN
    }
}

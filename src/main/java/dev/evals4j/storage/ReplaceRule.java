package dev.evals4j.storage;

import dev.evals4j.execution.ExecutionStatus;

/**
 * When a newly recorded run replaces the one already stored for its (experiment, row, repetition).
 *
 * <p>Statuses are ranked {@code DID_NOT_RUN < FAILED < COMPLETED*}. A new record replaces the
 * stored one only if the stored one is not completed and the new one ranks at least as high:
 *
 * <ul>
 *   <li>a completed run is final: a duplicate, a later failure or a {@code DID_NOT_RUN} leaves it
 *       untouched (this is what makes resume and replays safe);
 *   <li>a rerun after a failure replaces the failure, whatever its outcome except {@code
 *       DID_NOT_RUN}, which carries no news and would erase the failure's history;
 *   <li>anything replaces a {@code DID_NOT_RUN}.
 * </ul>
 *
 * <p>{@link JdbcResultStore} states the same rule in SQL ({@link #SQL_CONDITION}).
 */
final class ReplaceRule {

    /** The rule as an SQL condition of an upsert, over {@code runs} (stored) and {@code excluded} (new). */
    static final String SQL_CONDITION = rank("runs.status") + " < 2 AND "
            + rank("excluded.status") + " >= " + rank("runs.status");

    private ReplaceRule() {}

    /** Whether {@code incoming} replaces {@code stored} ({@code null} when nothing is stored). */
    static boolean replaces(ExecutionStatus stored, ExecutionStatus incoming) {
        return stored == null || (!stored.isCompleted() && rank(incoming) >= rank(stored));
    }

    private static int rank(ExecutionStatus status) {
        return switch (status) {
            case DID_NOT_RUN -> 0;
            case FAILED -> 1;
            case COMPLETED, COMPLETED_WITH_RETRIES -> 2;
        };
    }

    private static String rank(String column) {
        return "(CASE " + column + " WHEN 'DID_NOT_RUN' THEN 0 WHEN 'FAILED' THEN 1 ELSE 2 END)";
    }
}

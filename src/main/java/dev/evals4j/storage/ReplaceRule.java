package dev.evals4j.storage;

/**
 * When a newly recorded run replaces the one already stored for its (experiment, row, repetition).
 *
 * <p>A run of other content (both content hashes known and different: the row was edited since it
 * was stored) replaces whatever is stored, since the stored result belongs to content that no longer
 * exists. Otherwise runs are ranked {@code DID_NOT_RUN < FAILED < completed with a failing verdict <
 * completed and passed}, and a new record replaces the stored one only if the stored one has not
 * passed and the new one ranks at least as high:
 *
 * <ul>
 *   <li>a passed run is final: a duplicate, a later failure or a {@code DID_NOT_RUN} leaves it
 *       untouched (this is what makes resume and replays safe);
 *   <li>a failing verdict is a result too: an error or a {@code DID_NOT_RUN} leaves it untouched, and
 *       only a later completed run replaces it, which happens when a resume re-runs failing rows on
 *       purpose ({@code evals4j.resume.rerun=failures});
 *   <li>a rerun after a failure replaces the failure, whatever its outcome except {@code
 *       DID_NOT_RUN}, which carries no news and would erase the failure's history;
 *   <li>anything replaces a {@code DID_NOT_RUN}.
 * </ul>
 *
 * <p>{@link JdbcResultStore} states the same rule in SQL ({@link #SQL_CONDITION}), where a failing
 * verdict is a completed run whose scores JSON holds a score with {@code "passed":false}, as
 * {@link ScoreRecord#toJson} writes it (a quote inside a name or detail is escaped, so it cannot
 * forge that text).
 */
final class ReplaceRule {

    private static final int PASSED = 3;

    /** The rule as an SQL condition of an upsert, over {@code runs} (stored) and {@code excluded} (new). */
    static final String SQL_CONDITION = "(runs.content_hash IS NOT NULL AND excluded.content_hash IS NOT NULL"
            + " AND runs.content_hash <> excluded.content_hash) OR (" + rank("runs") + " < " + PASSED + " AND "
            + rank("excluded") + " >= " + rank("runs") + ")";

    private ReplaceRule() {}

    /** Whether {@code incoming} replaces {@code stored} ({@code null} when nothing is stored). */
    static boolean replaces(RunRecord stored, RunRecord incoming) {
        return stored == null || otherContent(stored, incoming)
                || (rank(stored) < PASSED && rank(incoming) >= rank(stored));
    }

    private static boolean otherContent(RunRecord stored, RunRecord incoming) {
        return stored.contentHash() != null && incoming.contentHash() != null
                && !stored.contentHash().equals(incoming.contentHash());
    }

    private static int rank(RunRecord run) {
        return switch (run.status()) {
            case DID_NOT_RUN -> 0;
            case FAILED -> 1;
            case COMPLETED, COMPLETED_WITH_RETRIES -> run.passed() ? PASSED : 2;
        };
    }

    private static String rank(String table) {
        return "(CASE " + table + ".status WHEN 'DID_NOT_RUN' THEN 0 WHEN 'FAILED' THEN 1 ELSE (CASE WHEN "
                + table + ".scores_json LIKE '%\"passed\":false%' THEN 2 ELSE " + PASSED + " END) END)";
    }
}

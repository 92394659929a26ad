package dev.evals4j.storage;

import dev.evals4j.execution.ExecutionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;

/** The SQL of table {@code runs} and the mapping between its rows and {@link RunRecord}s. */
final class RunSql {

    private static final String COLUMNS = "experiment_id, row_id, repetition, status, output_json, scores_json,"
            + " error, history_json, attempts, started_at, ended_at, content_hash";

    /**
     * Inserts a run, or replaces the stored one when {@link ReplaceRule} says so. 13 parameters: the 12
     * {@link #bind} sets, then the runner that ran it ({@link #RUNNER_PARAMETER}).
     */
    static final String UPSERT = "INSERT INTO runs (" + COLUMNS + ", runner_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (experiment_id, row_id, repetition) DO UPDATE SET"
            + " status = excluded.status, output_json = excluded.output_json, scores_json = excluded.scores_json,"
            + " error = excluded.error, history_json = excluded.history_json, attempts = excluded.attempts,"
            + " started_at = excluded.started_at, ended_at = excluded.ended_at, content_hash = excluded.content_hash,"
            + " runner_id = excluded.runner_id"
            + " WHERE " + ReplaceRule.SQL_CONDITION;

    /** The parameter of {@link #UPSERT} that names the runner. */
    static final int RUNNER_PARAMETER = 13;

    /** Each stored run's key and runner ({@code null} when unknown), in key order. */
    static final String SELECT_RUNNERS =
            "SELECT row_id, repetition, runner_id FROM runs WHERE experiment_id = ? ORDER BY row_id, repetition";

    /** Replaces the scores of one run: scores, experiment, row id, repetition. */
    static final String UPDATE_SCORES =
            "UPDATE runs SET scores_json = ? WHERE experiment_id = ? AND row_id = ? AND repetition = ?";

    /** Every run of an experiment in key order. */
    static final String SELECT_ALL =
            "SELECT " + COLUMNS + " FROM runs WHERE experiment_id = ? ORDER BY row_id, repetition";

    /** The runs of one experiment and status counts. */
    static final String COUNT_BY_STATUS =
            "SELECT status, COUNT(*) FROM runs WHERE experiment_id = ? GROUP BY status";

    private RunSql() {}

    /** The runs of an experiment whose row id is one of {@code rowIds} parameters (experiment first). */
    static String selectRows(int rowIds) {
        return "SELECT " + COLUMNS + " FROM runs WHERE experiment_id = ? AND row_id IN ("
                + String.join(", ", Collections.nCopies(rowIds, "?")) + ")";
    }

    /** Replaces the scores of the run {@code key} of an experiment; returns how many runs changed (0 or 1). */
    static int updateScores(Connection connection, long experimentId, RunKey key, String scoresJson)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE_SCORES)) {
            statement.setString(1, scoresJson);
            statement.setLong(2, experimentId);
            statement.setString(3, key.rowId());
            statement.setInt(4, key.repetition());
            return statement.executeUpdate();
        }
    }

    /** Binds {@code run} to the parameters of {@link #UPSERT}. */
    static void bind(PreparedStatement statement, RunRecord run) throws SQLException {
        statement.setLong(1, run.experimentId());
        statement.setString(2, run.rowId());
        statement.setInt(3, run.repetition());
        statement.setString(4, run.status().name());
        setNullable(statement, 5, run.outputJson());
        setNullable(statement, 6, run.scoresJson());
        setNullable(statement, 7, run.error());
        statement.setString(8, run.historyJson());
        statement.setInt(9, run.attempts());
        setNullable(statement, 10, run.start() == null ? null : InstantText.of(run.start()));
        setNullable(statement, 11, run.end() == null ? null : InstantText.of(run.end()));
        setNullable(statement, 12, run.contentHash());
    }

    /** The run at the current row of a result set selected with {@link #COLUMNS}. */
    static RunRecord read(ResultSet result) throws SQLException {
        return new RunRecord(
                result.getLong(1),
                result.getString(2),
                result.getInt(3),
                ExecutionStatus.valueOf(result.getString(4)),
                result.getString(5),
                result.getString(6),
                result.getString(7),
                AttemptError.listFromJson(result.getString(8)),
                result.getInt(9),
                instant(result.getString(10)),
                instant(result.getString(11)),
                result.getString(12));
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

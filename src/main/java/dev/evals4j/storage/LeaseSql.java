package dev.evals4j.storage;

import dev.evals4j.execution.ExecutionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of table {@code leases} (which runner holds which pair of an experiment, until when) and
 * of the column {@code runs.runner_id}. Expiries are milliseconds since the epoch on the database
 * server's clock ({@link SqlDialect#nowMillis()}), so runners' clocks never matter. Each method works
 * on the connection it is given.
 */
final class LeaseSql {

    /** The step that adds leases and the runner of each run. */
    static final Migration MIGRATION = new Migration(2, "leases of pairs and the runner of each run", List.of(
            """
            CREATE TABLE leases (
                experiment_id BIGINT NOT NULL REFERENCES experiments (id),
                row_id VARCHAR(1000) NOT NULL,
                repetition INTEGER NOT NULL,
                runner_id VARCHAR(300) NOT NULL,
                expires_at BIGINT NOT NULL,
                PRIMARY KEY (experiment_id, row_id, repetition)
            )""",
            "CREATE INDEX leases_by_runner ON leases (experiment_id, runner_id)",
            "ALTER TABLE runs ADD COLUMN runner_id VARCHAR(300)"));

    private static final String COMPLETED = "'" + ExecutionStatus.COMPLETED.name() + "', '"
            + ExecutionStatus.COMPLETED_WITH_RETRIES.name() + "'";
    private static final String NOT_COMPLETED = " NOT EXISTS (SELECT 1 FROM runs r WHERE r.experiment_id = ?"
            + " AND r.row_id = ? AND r.repetition = ? AND r.status IN (" + COMPLETED + ")"
            + " AND r.content_hash = ?)";

    /** The most pairs one claiming statement names. */
    static final int PAIRS_PER_STATEMENT = 100;

    /**
     * Deletes a runner's lease on one pair: experiment, row id, repetition, runner. A pair whose run
     * completed needs no lease (no claim takes it again), so the store writer deletes the lease of each
     * completed run it writes for its runner, and the leases a runner renews and releases are only those of
     * the pairs it has not completed: a handful, not every pair the run ever took.
     */
    static final String DELETE_SETTLED = "DELETE FROM leases WHERE experiment_id = ? AND row_id = ?"
            + " AND repetition = ? AND runner_id = ?";

    private final String now;
    private final boolean statementsSeeEveryCommit;
    /**
     * The claim of {@value #PAIRS_PER_STATEMENT} pairs, prepared on {@link #fullClaimConnection} (a
     * statement of 300 parameters costs more to prepare than to run); the thread that claims owns both.
     */
    private PreparedStatement fullClaim;
    private Connection fullClaimConnection;

    LeaseSql(SqlDialect dialect) {
        this.now = dialect.nowMillis();
        this.statementsSeeEveryCommit = dialect.writesTakeTurns();
    }

    /**
     * Leases each pair of {@code contentHashes} that has no completed run of that content (a run of
     * other content is a dataset that changed since; a {@code null} hash: no completed run settles the
     * pair) and no live lease of another runner, and returns the pairs this claim leased: inserted, or
     * already this runner's and extended. None of them has a completed run of its content when the
     * transaction of the claim commits.
     *
     * <p>Each statement covers up to {@value #PAIRS_PER_STATEMENT} pairs, and its {@code RETURNING}
     * clause answers which ones it leased. On SQLite, whose writers take turns, the statement sees every
     * run committed before it. Elsewhere a statement reads a snapshot from its start, and a runner that
     * completed a pair and released its lease since would see it leased again, so the leased pairs'
     * completed runs are read once more, by a statement of their own.
     */
    Set<RunKey> claim(Connection connection, long experimentId, String runnerId, Duration lease,
            Map<RunKey, String> contentHashes) throws SQLException {
        Set<RunKey> held = new LinkedHashSet<>();
        List<Map.Entry<RunKey, String>> pairs = List.copyOf(contentHashes.entrySet());
        for (int from = 0; from < pairs.size(); from += PAIRS_PER_STATEMENT) {
            List<Map.Entry<RunKey, String>> chunk =
                    pairs.subList(from, Math.min(pairs.size(), from + PAIRS_PER_STATEMENT));
            if (chunk.size() < PAIRS_PER_STATEMENT) {
                try (PreparedStatement rest = connection.prepareStatement(claimStatement(chunk.size()))) {
                    claimChunk(rest, experimentId, runnerId, lease, chunk, held);
                }
            } else {
                claimChunk(fullClaim(connection), experimentId, runnerId, lease, chunk, held);
            }
        }
        if (!statementsSeeEveryCommit) {
            held.removeAll(completed(connection, experimentId, held, contentHashes));
        }
        return held;
    }

    private PreparedStatement fullClaim(Connection connection) throws SQLException {
        if (fullClaimConnection != connection) {
            closeStatements();
            fullClaim = connection.prepareStatement(claimStatement(PAIRS_PER_STATEMENT));
            fullClaimConnection = connection;
        }
        return fullClaim;
    }

    /** Closes the statement kept for claims; the next claim prepares it again. */
    void closeStatements() throws SQLException {
        PreparedStatement statement = fullClaim;
        fullClaim = null;
        fullClaimConnection = null;
        if (statement != null) {
            statement.close();
        }
    }

    private static void claimChunk(PreparedStatement insert, long experimentId, String runnerId, Duration lease,
            List<Map.Entry<RunKey, String>> chunk, Set<RunKey> held) throws SQLException {
        int parameter = 1;
        for (Map.Entry<RunKey, String> pair : chunk) {
            insert.setString(parameter++, pair.getKey().rowId());
            insert.setInt(parameter++, pair.getKey().repetition());
            if (pair.getValue() == null) {
                insert.setNull(parameter++, Types.VARCHAR);
            } else {
                insert.setString(parameter++, pair.getValue());
            }
        }
        insert.setLong(parameter++, experimentId);
        insert.setString(parameter++, runnerId);
        insert.setLong(parameter++, lease.toMillis());
        insert.setLong(parameter, experimentId);
        try (ResultSet result = insert.executeQuery()) {
            while (result.next()) {
                held.add(new RunKey(result.getString(1), result.getInt(2)));
            }
        }
    }

    /**
     * The claim of {@code pairs} pairs: their row id, repetition and content hash as parameters, then
     * the experiment, the runner, the lease in milliseconds and the experiment again.
     */
    String claimStatement(int pairs) {
        return "WITH claimed (row_id, repetition, content_hash) AS (VALUES "
                + String.join(", ", Collections.nCopies(pairs, "(?, ?, ?)")) + ")"
                + " INSERT INTO leases (experiment_id, row_id, repetition, runner_id, expires_at)"
                + " SELECT ?, c.row_id, c.repetition, ?, " + now + " + ? FROM claimed c"
                + " WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.experiment_id = ? AND r.row_id = c.row_id"
                + " AND r.repetition = c.repetition AND r.status IN (" + COMPLETED + ")"
                + " AND r.content_hash = c.content_hash)"
                + " ON CONFLICT (experiment_id, row_id, repetition) DO UPDATE SET runner_id = excluded.runner_id,"
                + " expires_at = excluded.expires_at"
                + " WHERE leases.runner_id = excluded.runner_id OR leases.expires_at < " + now
                + " RETURNING row_id, repetition";
    }

    /** The pairs of {@code keys} with a run completed for their content in {@code contentHashes}. */
    private static Set<RunKey> completed(Connection connection, long experimentId, Set<RunKey> keys,
            Map<RunKey, String> contentHashes) throws SQLException {
        Set<RunKey> completed = new HashSet<>();
        List<String> rowIds = keys.stream().map(RunKey::rowId).distinct().toList();
        for (int from = 0; from < rowIds.size(); from += PAIRS_PER_STATEMENT) {
            List<String> chunk = rowIds.subList(from, Math.min(rowIds.size(), from + PAIRS_PER_STATEMENT));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT row_id, repetition, content_hash FROM runs WHERE experiment_id = ? AND status IN ("
                            + COMPLETED + ") AND row_id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                select.setLong(1, experimentId);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 2, chunk.get(i));
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        RunKey key = new RunKey(result.getString(1), result.getInt(2));
                        String hash = contentHashes.get(key);
                        if (keys.contains(key) && hash != null && hash.equals(result.getString(3))) {
                            completed.add(key);
                        }
                    }
                }
            }
        }
        return completed;
    }

    /** Extends every lease of {@code runnerId} in the experiment to {@code lease} from now. */
    int renew(Connection connection, long experimentId, String runnerId, Duration lease) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE leases SET expires_at = " + now + " + ?"
                + " WHERE experiment_id = ? AND runner_id = ?")) {
            update.setLong(1, lease.toMillis());
            update.setLong(2, experimentId);
            update.setString(3, runnerId);
            return update.executeUpdate();
        }
    }

    /**
     * Deletes every lease of {@code runnerId}. A claim that raced with it (read the runs before this
     * runner's last completion was committed, inserted its lease after this delete) is caught by the
     * claimer's lookup after its claim, which sees the completion.
     */
    int release(Connection connection, long experimentId, String runnerId) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM leases WHERE experiment_id = ? AND runner_id = ?")) {
            delete.setLong(1, experimentId);
            delete.setString(2, runnerId);
            return delete.executeUpdate();
        }
    }
}

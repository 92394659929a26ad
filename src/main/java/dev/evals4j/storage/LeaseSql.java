package dev.evals4j.storage;

import dev.evals4j.execution.ExecutionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
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

    private final String now;

    LeaseSql(SqlDialect dialect) {
        this.now = dialect.nowMillis();
    }

    /**
     * Leases each pair of {@code contentHashes} that has no completed run of that content (a run of
     * other content is a dataset that changed since; a {@code null} hash: no completed run settles the
     * pair) and no live lease of another runner (one batched upsert), then returns the pairs this
     * runner holds.
     */
    Set<RunKey> claim(Connection connection, long experimentId, String runnerId, Duration lease,
            Map<RunKey, String> contentHashes) throws SQLException {
        String upsert = "INSERT INTO leases (experiment_id, row_id, repetition, runner_id, expires_at)"
                + " SELECT ?, ?, ?, ?, " + now + " + ? WHERE" + NOT_COMPLETED
                + " ON CONFLICT (experiment_id, row_id, repetition) DO UPDATE SET runner_id = excluded.runner_id,"
                + " expires_at = excluded.expires_at"
                + " WHERE leases.runner_id = excluded.runner_id OR leases.expires_at < " + now;
        try (PreparedStatement insert = connection.prepareStatement(upsert)) {
            for (Map.Entry<RunKey, String> pair : contentHashes.entrySet()) {
                RunKey key = pair.getKey();
                insert.setLong(1, experimentId);
                insert.setString(2, key.rowId());
                insert.setInt(3, key.repetition());
                insert.setString(4, runnerId);
                insert.setLong(5, lease.toMillis());
                insert.setLong(6, experimentId);
                insert.setString(7, key.rowId());
                insert.setInt(8, key.repetition());
                if (pair.getValue() == null) {
                    insert.setNull(9, Types.VARCHAR);
                } else {
                    insert.setString(9, pair.getValue());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return held(connection, experimentId, runnerId, contentHashes.keySet());
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

    /**
     * The pairs of {@code keys} that {@code runnerId} holds. They are looked up by their primary key and
     * the runner is compared here: a query by the runner would read every lease it holds, at every claim.
     */
    private static Set<RunKey> held(Connection connection, long experimentId, String runnerId,
            Collection<RunKey> keys) throws SQLException {
        Set<RunKey> wanted = Set.copyOf(keys);
        List<String> rowIds = wanted.stream().map(RunKey::rowId).distinct().toList();
        Set<RunKey> held = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(heldQuery(rowIds.size()))) {
            select.setLong(1, experimentId);
            for (int i = 0; i < rowIds.size(); i++) {
                select.setString(i + 2, rowIds.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    RunKey key = new RunKey(result.getString(1), result.getInt(2));
                    if (runnerId.equals(result.getString(3)) && wanted.contains(key)) {
                        held.add(key);
                    }
                }
            }
        }
        return held;
    }

    /** The query of the leases, and their runners, of {@code rowIds} row ids of an experiment. */
    static String heldQuery(int rowIds) {
        return "SELECT row_id, repetition, runner_id FROM leases WHERE experiment_id = ? AND row_id IN ("
                + String.join(", ", Collections.nCopies(rowIds, "?")) + ")";
    }
}

package dev.evals4j.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of table {@code experiments}. Each method works on the connection it is given. */
final class ExperimentSql {

    private static final String COLUMNS = "id, name, suite, created_at, config_json, dataset_fingerprint, status";

    private ExperimentSql() {}

    /** Creates the experiment unless it exists, marks it running, and returns it. */
    static ExperimentInfo open(Connection connection, String name, String suite, Map<String, String> config,
            String datasetFingerprint, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO experiments"
                + " (name, suite, created_at, config_json, dataset_fingerprint, status) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (name, suite) DO NOTHING")) {
            insert.setString(1, name);
            insert.setString(2, suite);
            insert.setString(3, now.toString());
            insert.setString(4, StoreJson.writeConfig(Redactor.redactConfig(config)));
            insert.setString(5, datasetFingerprint);
            insert.setString(6, ExperimentStatus.RUNNING.name());
            insert.executeUpdate();
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE experiments SET status = ? WHERE name = ? AND suite = ?")) {
            update.setString(1, ExperimentStatus.RUNNING.name());
            update.setString(2, name);
            update.setString(3, suite);
            update.executeUpdate();
        }
        return find(connection, name, suite).orElseThrow(
                () -> new SQLException("Experiment " + name + " of " + suite + " vanished while being opened"));
    }

    /** The experiment named {@code name} for {@code suite}, if any. */
    static Optional<ExperimentInfo> find(Connection connection, String name, String suite) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM experiments WHERE name = ? AND suite = ?")) {
            select.setString(1, name);
            select.setString(2, suite);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(read(result)) : Optional.empty();
            }
        }
    }

    /** Every experiment, oldest first. */
    static List<ExperimentInfo> list(Connection connection) throws SQLException {
        List<ExperimentInfo> all = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet result = select.executeQuery("SELECT " + COLUMNS + " FROM experiments ORDER BY id")) {
            while (result.next()) {
                all.add(read(result));
            }
        }
        return all;
    }

    /**
     * Sets the status of an experiment at the end of a run, except that a {@code COMPLETED} experiment
     * stays completed (see {@link ResultStore#finishExperiment}); {@code false} when there is no such
     * experiment.
     */
    static boolean finish(Connection connection, long id, ExperimentStatus status) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE experiments SET status ="
                + " CASE WHEN status = '" + ExperimentStatus.COMPLETED.name() + "' THEN status ELSE ? END WHERE id = ?")) {
            update.setString(1, status.name());
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    private static ExperimentInfo read(ResultSet result) throws SQLException {
        return new ExperimentInfo(
                result.getLong(1),
                result.getString(2),
                result.getString(3),
                Instant.parse(result.getString(4)),
                StoreJson.readConfig(result.getString(5)),
                result.getString(6),
                ExperimentStatus.valueOf(result.getString(7)));
    }
}

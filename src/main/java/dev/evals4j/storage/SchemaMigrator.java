package dev.evals4j.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings a database to the schema version this code writes, or refuses it without touching it.
 *
 * <p>The version lives in table {@code schema_version} (one row per applied {@link Migration}). A
 * database with no tables gets the whole schema; one with tables but no {@code schema_version} is
 * someone else's and is refused; one whose version is newer than this code knows is refused too.
 * Each migration runs in its own transaction; the first one also creates {@code schema_version}.
 */
final class SchemaMigrator {

    static final String VERSION_TABLE = "schema_version";

    private final List<Migration> migrations;
    private final SqlDialect dialect;
    private final SqlFailures failures;

    SchemaMigrator(List<Migration> migrations, SqlDialect dialect, SqlFailures failures) {
        this.migrations = List.copyOf(migrations);
        this.dialect = dialect;
        this.failures = failures;
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("Migrations must be numbered 1, 2, 3, ... without gaps");
            }
        }
    }

    /** The version this code writes. */
    int latestVersion() {
        return migrations.size();
    }

    /**
     * Checks and migrates the database of {@code connection} (in auto-commit mode), one transaction per step.
     *
     * <p>Several stores may open one new database at the same moment (Surefire forks, CI runners):
     * each step runs in {@link SqlDialect#schemaTransaction the dialect's schema transaction} and reads the
     * version again first, so every step is applied once, by whichever store gets the lock first.
     *
     * @return the version the database is at afterwards
     * @throws StoreException when the database is foreign or newer than this code
     * @throws SQLException when the database cannot be read or written
     */
    int migrate(Connection connection) throws SQLException {
        int current = checkedVersion(connection);
        while (current < latestVersion()) {
            current = dialect.schemaTransaction(connection, c -> {
                int version = checkedVersion(c);
                if (version < latestVersion()) {
                    apply(c, migrations.get(version));
                    return version + 1;
                }
                return version;
            });
        }
        return current;
    }

    /** The database's version; refuses a database that is someone else's or newer than this code. */
    private int checkedVersion(Connection connection) throws SQLException {
        List<String> tables = tableNames(connection);
        int current;
        if (tables.contains(VERSION_TABLE)) {
            current = currentVersion(connection);
        } else if (tables.isEmpty()) {
            current = 0;
        } else {
            throw failures.notOurs("it holds tables " + tables + " but no " + VERSION_TABLE
                    + " table, so another program owns it", null);
        }
        if (current > latestVersion()) {
            throw new StoreException("The results database " + failures.location() + " has schema version " + current
                    + ", newer than the version " + latestVersion() + " this evals4j knows: upgrade evals4j, or pass"
                    + " another -Devals4j.storage to use another file. The database was not modified.");
        }
        return current;
    }

    private Void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (migration.version() == 1) {
                statement.execute("CREATE TABLE " + VERSION_TABLE + " (version INTEGER PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            }
            for (String sql : migration.statementsFor(dialect)) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.description());
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
        return null;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}

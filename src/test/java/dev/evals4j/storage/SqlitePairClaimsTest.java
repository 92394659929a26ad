package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases on one SQLite file (forks of one machine); the in-memory store, which no other process sees, has none. */
class SqlitePairClaimsTest extends PairClaimsContractTest {

    @TempDir
    Path directory;

    @Override
    String url() {
        return "jdbc:sqlite:" + directory.resolve("results.db");
    }

    @Test
    void aStoreOnlyThisProcessSeesDoesNotShare() {
        assertThat(new InMemoryResultStore().claims(1, "a", LIVE)).isEmpty();
    }

    /**
     * A claim looks each pair's completed run up by the runs' primary key: a scan of the runs, or of the
     * leases, would make a run's claims cost O(rows²).
     */
    @Test
    void aClaimLooksEachPairUpByItsKeyNotByScanningRunsOrLeases() throws SQLException {
        String claim = new LeaseSql(SqlDialect.SQLITE).claimStatement(3);
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + claim.replace("?", "'x'"))) {
            while (rows.next()) {
                plan.add(rows.getString("detail"));
            }
        }

        assertThat(plan).as("the plan of " + claim)
                .anySatisfy(step -> assertThat(step).startsWith("SEARCH r USING")
                        .contains("INDEX sqlite_autoindex_runs_1 (experiment_id=? AND row_id=? AND repetition=?)"))
                .noneSatisfy(step -> assertThat(step).startsWith("SCAN r"))
                .noneSatisfy(step -> assertThat(step).contains("leases"));
    }
}

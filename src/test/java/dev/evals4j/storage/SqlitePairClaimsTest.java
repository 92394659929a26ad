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
     * A claim reads back the pairs of its batch it holds. Looked up by the runner, that read scans every
     * lease the runner holds, so a run's claims cost O(rows²); looked up by the primary key, each costs its
     * batch.
     */
    @Test
    void readingBackAClaimLooksThePairsUpByTheirKeyNotByEveryLeaseOfTheRunner() throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN "
                        + LeaseSql.heldQuery(3).replace("?", "'x'"))) {
            while (rows.next()) {
                plan.add(rows.getString("detail"));
            }
        }

        assertThat(plan).as("the plan of " + LeaseSql.heldQuery(3)).singleElement().asString()
                .startsWith("SEARCH leases USING").contains("INDEX sqlite_autoindex_leases_1 (experiment_id=? AND row_id=?)");
    }
}

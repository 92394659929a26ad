package dev.evals4j.storage;

import static dev.evals4j.storage.Runs.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.execution.ExecutionStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the PostgreSQL store: credentials, keeping them out of messages, concurrent first opens. */
class PostgresStoreTest {

    private static final String SUITE = "com.example.MathEvals#solves";

    private final PostgresServer.Database database = PostgresServer.freshDatabase();

    @Test
    void credentialsComeFromPgUserAndPgPasswordWhenTheUrlHasNone() {
        Function<String, String> environment =
                Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", PostgresServer.PASSWORD)::get;

        try (JdbcResultStore store = open(database.url(), environment)) {
            long id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            store.record(completed(id, "r1", "o"));
            assertThat(store.runCounts(id)).containsExactly(Map.entry(ExecutionStatus.COMPLETED, 1L));
        }
    }

    @Test
    void theUrlsCredentialsWinOverTheEnvironment() {
        Function<String, String> environment = Map.of("PGUSER", "nobody", "PGPASSWORD", "wrong")::get;

        try (JdbcResultStore store = open(database.urlWithCredentials(), environment)) {
            assertThat(store.listExperiments()).isEmpty();
        }
    }

    @Test
    void theLocationNamesHostAndDatabaseButNeitherUserNorPassword() {
        try (JdbcResultStore store = open(database.urlWithCredentials(), name -> null)) {
            assertThat(store.location()).contains("localhost:" + database.port() + "/" + database.name())
                    .doesNotContain(PostgresServer.USER).doesNotContain(PostgresServer.PASSWORD);
        }
    }

    @Test
    void aRefusedLoginNamesTheDatabaseButNeitherUserNorPassword() {
        String wrongPassword = "Not-The-Password-7";
        String url = database.url() + "?user=" + PostgresServer.USER + "&password=" + wrongPassword;

        assertThatThrownBy(() -> open(url, name -> null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(database.name())
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(wrongPassword).doesNotContain(PostgresServer.USER));
    }

    @Test
    void aMissingUserSaysWhereCredentialsComeFrom() {
        assertThatThrownBy(() -> open(database.url(), Map.of("PGPASSWORD", PostgresServer.PASSWORD)::get))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PGUSER")
                .hasMessageContaining("user=")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PostgresServer.PASSWORD));
    }

    @Test
    void runnersOpeningAnEmptyDatabaseTogetherAllGetTheSchemaOnce() throws Exception {
        int runners = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        try {
            List<Future<Long>> experiments = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                experiments.add(pool.submit(() -> {
                    start.await();
                    try (JdbcResultStore store = open(database.urlWithCredentials(), name -> null)) {
                        return store.openExperiment("shared", SUITE, Map.of(), null).id();
                    }
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> experiment : experiments) {
                ids.add(experiment.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(query("SELECT version FROM schema_version ORDER BY version")).containsExactly("1", "2");
    }

    @Test
    void aPostgresqlStorageValueOpensTheDatabaseStore(@TempDir Path project) {
        try (ResultStore store = ResultStores.open(database.urlWithCredentials(), project)) {
            assertThat(store).isInstanceOf(JdbcResultStore.class);
            assertThat(store.listExperiments()).isEmpty();
        }
    }

    private static JdbcResultStore open(String url, Function<String, String> environment) {
        return JdbcResultStore.open(url, environment, StoreSettings.defaults(), Migration.ALL, Clock.systemUTC());
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.urlWithCredentials());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}

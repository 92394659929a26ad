package dev.evals4j.storage;

import static dev.evals4j.storage.Runs.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.execution.ExecutionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the SQLite file store: durability, schema versions and refusing files that are not ours. */
class JdbcResultStoreTest {

    private static final String SUITE = "com.example.MathEvals#solves";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("results.db");
    }

    private String url() {
        return "jdbc:sqlite:" + file();
    }

    @Test
    void recordsSurviveCloseAndReopen() {
        long id;
        try (ResultStore store = JdbcResultStore.open(url())) {
            id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            for (int i = 0; i < 2_500; i++) {
                store.record(completed(id, "row" + i, "o"));
            }
        }
        try (ResultStore store = JdbcResultStore.open(url())) {
            assertThat(store.runCounts(id)).containsExactly(Map.entry(ExecutionStatus.COMPLETED, 2_500L));
            assertThat(store.findExperiment("exp", SUITE)).isPresent();
        }
    }

    @Test
    void recordCommittedCompletesOnlyOnceAnotherConnectionCanReadTheRun() throws Exception {
        try (ResultStore store = JdbcResultStore.open(url())) {
            long id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            List<java.util.concurrent.CompletableFuture<Void>> commits = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                commits.add(store.recordCommitted(completed(id, "row" + i, "o")));
            }
            commits.get(commits.size() - 1).get();

            assertThat(commits).allMatch(commit -> commit.isDone() && !commit.isCompletedExceptionally());
            try (Connection reader = DriverManager.getConnection(url());
                    Statement count = reader.createStatement();
                    ResultSet result = count.executeQuery("SELECT COUNT(*) FROM runs")) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(50);
            }
        }
    }

    @Test
    void aRunWhoseWriteFailsFailsItsCommitStageWithTheStoreFailure() {
        ResultStore store = JdbcResultStore.open(url());
        java.util.concurrent.CompletableFuture<Void> commit = store.recordCommitted(completed(404, "orphan", "o"));

        assertThatThrownBy(commit::join).hasCauseInstanceOf(StoreException.class)
                .hasMessageContaining("queued writes were not stored");
        assertThatThrownBy(store::close).isInstanceOf(StoreException.class);
    }

    @Test
    void aQueueOfOneStillStoresEverything() {
        try (ResultStore store = JdbcResultStore.open(url(), new StoreSettings(Duration.ofSeconds(10), 1, 1))) {
            long id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            for (int i = 0; i < 300; i++) {
                store.record(completed(id, "row" + i, "o"));
            }
            store.flush();
            assertThat(store.runCounts(id)).containsEntry(ExecutionStatus.COMPLETED, 300L);
        }
    }

    @Test
    void flushMakesEveryRecordedRunVisibleToOtherConnections() throws SQLException {
        try (ResultStore store = JdbcResultStore.open(url(), new StoreSettings(Duration.ofSeconds(10), 1_000, 10_000))) {
            long id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            for (int i = 0; i < 5_000; i++) {
                store.record(completed(id, "row" + i, "o"));
            }

            store.flush();

            assertThat(query("SELECT COUNT(*) FROM runs")).containsExactly("5000");
        }
    }

    @Test
    void writesQueuedWhileAnotherProcessBrieflyHoldsTheLockAreStoredOnceItLetsGo() throws SQLException {
        try (ResultStore store = JdbcResultStore.open(url(), StoreSettings.defaults().withBusyTimeout(Duration.ofMinutes(1)));
                Connection locker = DriverManager.getConnection(url());
                Statement lock = locker.createStatement()) {
            long id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            lock.execute("BEGIN EXCLUSIVE");
            for (int i = 0; i < 100; i++) {
                store.record(completed(id, "row" + i, "o"));
            }
            lock.execute("ROLLBACK");

            store.flush();

            assertThat(store.runCounts(id)).containsExactly(Map.entry(ExecutionStatus.COMPLETED, 100L));
        }
    }

    @RepeatedTest(3)
    void storesOpeningANewFileTogetherAllGetTheSchemaOnce() throws Exception {
        Path fresh = dir.resolve("fresh-" + System.nanoTime() + ".db");
        int forks = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(forks);
        try {
            List<Future<Long>> experiments = new ArrayList<>();
            for (int i = 0; i < forks; i++) {
                experiments.add(pool.submit(() -> {
                    start.await();
                    try (JdbcResultStore store = JdbcResultStore.open("jdbc:sqlite:" + fresh)) {
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
        try (JdbcResultStore store = JdbcResultStore.open("jdbc:sqlite:" + fresh)) {
            assertThat(store.listExperiments()).hasSize(1);
        }
    }

    @Test
    void usesWriteAheadLogging() throws SQLException {
        JdbcResultStore.open(url()).close();

        assertThat(query("PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void backgroundFailureNamesTheFile() {
        JdbcResultStore store = JdbcResultStore.open(url());
        store.record(completed(77, "r1", "o"));

        assertThatThrownBy(store::flush).isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("were not stored");
        assertThatThrownBy(store::close).isInstanceOf(StoreException.class);
    }

    @Test
    void aFreshDatabaseGetsEveryMigrationOnce() throws SQLException {
        JdbcResultStore.open(url()).close();
        JdbcResultStore.open(url()).close();

        assertThat(query("SELECT version FROM schema_version ORDER BY version")).containsExactlyElementsOf(
                Migration.ALL.stream().map(m -> Integer.toString(m.version())).toList());
    }

    @Test
    void anOlderSchemaIsMigratedKeepingItsRows() throws SQLException {
        List<Migration> v1 = Migration.ALL.subList(0, 1);
        long id;
        try (ResultStore store = JdbcResultStore.open(url(), StoreSettings.defaults(), v1, Clock.systemUTC())) {
            id = store.openExperiment("exp", SUITE, Map.of(), null).id();
        }
        execute("INSERT INTO runs (experiment_id, row_id, repetition, status, history_json, attempts)"
                + " VALUES (" + id + ", 'r1', 0, 'COMPLETED', '[]', 1)");
        List<Migration> next = new ArrayList<>(Migration.ALL);
        next.add(new Migration(next.size() + 1, "a note per run",
                List.of("ALTER TABLE runs ADD COLUMN note VARCHAR(100)")));

        try (ResultStore store = JdbcResultStore.open(url(), StoreSettings.defaults(), next, Clock.systemUTC())) {
            assertThat(store.lookup(id, List.of(new RunKey("r1", 0)))).hasSize(1);
        }
        assertThat(query("SELECT version FROM schema_version ORDER BY version")).containsExactlyElementsOf(
                next.stream().map(m -> Integer.toString(m.version())).toList());
        assertThat(query("SELECT COUNT(note) FROM runs")).containsExactly("0");
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftAlone() throws SQLException {
        try (ResultStore store = JdbcResultStore.open(url())) {
            long id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            store.record(completed(id, "r1", "o"));
        }
        execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 'x')");

        assertThatThrownBy(() -> JdbcResultStore.open(url()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("upgrade evals4j")
                .hasMessageContaining("-Devals4j.storage");
        assertThat(query("SELECT COUNT(*) FROM runs")).containsExactly("1");
    }

    @Test
    void aTextFileIsRefusedAndLeftAlone() throws Exception {
        Files.writeString(file(), "these are my notes, not a database\n".repeat(20));
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> JdbcResultStore.open(url()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("not a SQLite database or it is corrupt")
                .hasMessageContaining("move it away");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void someoneElsesDatabaseIsRefusedAndLeftAlone() throws Exception {
        execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        execute("INSERT INTO customers (name) VALUES ('Ada')");
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> JdbcResultStore.open(url()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("[customers]")
                .hasMessageContaining("no schema_version")
                .hasMessageContaining("move it away, or pass another -Devals4j.storage");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void aDatabaseLockedByAnotherProcessIsNamedAndNothingIsOverwritten() throws SQLException {
        long id;
        try (ResultStore store = JdbcResultStore.open(url())) {
            id = store.openExperiment("exp", SUITE, Map.of(), null).id();
            store.record(Runs.run(id, "r1", 0, ExecutionStatus.FAILED, "kept"));
        }
        try (Connection locker = DriverManager.getConnection(url());
                Statement lock = locker.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            StoreSettings impatient = StoreSettings.defaults().withBusyTimeout(Duration.ofMillis(200));

            try (JdbcResultStore store = JdbcResultStore.open(url(), impatient)) {
                assertThatThrownBy(() -> store.openExperiment("exp", SUITE, Map.of(), null))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining(file().toString())
                        .hasMessageContaining("locked by another process")
                        .hasMessageContaining("200 ms");
                store.record(completed(id, "r1", "replacement"));
                assertThatThrownBy(store::flush).isInstanceOf(StoreException.class)
                        .hasMessageContaining("locked by another process");
            } catch (StoreException closeReportsTheSameFailure) {
                assertThat(closeReportsTheSameFailure).hasMessageContaining("locked");
            }
            lock.execute("ROLLBACK");
        }
        assertThat(query("SELECT status FROM runs")).containsExactly("FAILED");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}

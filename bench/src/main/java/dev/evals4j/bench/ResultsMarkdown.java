package dev.evals4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the results as Markdown: the runs of {@code results.json}, the figures that table does not
 * hold (rejected share, p95 latency, ramp, time caps), the accepted contender's spread, the multi-runner
 * contenders side by side, the engine overhead, the acceptance verdicts and a method note.
 */
public final class ResultsMarkdown {

    private static final String HEADER =
            "| scenario | contender | run | rows | makespan_s | ideal_s | ratio | calls | rejected | completed | failed | lost |\n"
          + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    private static final String MULTI_RUNNER_METHOD = MultiRunner.RUNNERS + " runner JVMs run one suite through the"
            + " Launcher with one experiment name and one PostgreSQL database (embedded), claiming pairs, against one"
            + " simulated provider; `" + MultiRunner.SHARED + "` shares the provider's limit through the runners'"
            + " limit group (the default), `" + MultiRunner.INDEPENDENT + "` sets `evals4j.limitGroup=none`. The"
            + " makespan runs from the first row's start to the last row's end as the store recorded them; wall_s"
            + " adds the runners' JVM start and discovery. A pair is called once when the simulator answered its"
            + " prompt exactly once.";

    /** The results table alone, as printed on standard output. */
    public String table(List<BenchRow> rows) {
        return HEADER + rows.stream().map(ResultsMarkdown::line).collect(Collectors.joining());
    }

    /** The median and range of the repeated contender's ratio and rejected share, per scenario. */
    public String spreadTable(List<SpreadLine> spreads) {
        StringBuilder md = new StringBuilder("| scenario | contender | runs | ratio median (min–max) |"
                + " rejected share median (min–max) |\n| --- | --- | ---: | --- | --- |\n");
        for (SpreadLine spread : spreads) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s |%n", spread.scenario(), spread.contender(),
                    spread.runs(), spread.ratio().describe("%.2f"),
                    percent(spread.rejectedShare())));
        }
        return md.toString();
    }

    /**
     * The multi-runner scenario's contenders side by side: ratio to N / R, rejected share, and whether
     * every pair reached the model once (the simulator's answers per prompt).
     */
    public String multiRunnerTable(List<MultiRunnerResult> multiRunner) {
        StringBuilder md = new StringBuilder("| contender | runners | store | rows | makespan_s | wall_s | ratio |"
                + " calls | rejected share | pairs called once | called more than once | never called | runs by runner"
                + " |\n| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (MultiRunnerResult result : multiRunner) {
            BenchRow row = result.row();
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.2f | %.2f%s | %.2f | %d | %.1f%% | %d | %d | %d |"
                            + " %s |%n", row.contender(), result.runners(), result.store(), row.rows(),
                    row.makespanSeconds(), result.wallSeconds(), result.capped() ? " (time cap: runners stopped)" : "",
                    row.ratio(), row.calls(), 100 * row.rejectedShare(),
                    result.pairsCalledOnce(), result.pairsCalledMoreThanOnce(), result.pairsNeverCalled(),
                    new TreeMap<>(result.runsByRunner()).entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        return md.toString();
    }

    /** The engine overhead: rows per second and heap per row of each runner. */
    public String overheadTable(List<OverheadResult> overhead) {
        StringBuilder md = new StringBuilder("| runner | execution | report | rows | seconds | rows/s |"
                + " heap before (MB) | heap after (MB) | bytes/row |\n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (OverheadResult result : overhead) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.2f | %.0f | %.1f | %.1f | %.0f |%n",
                    result.runner(), result.execution(), result.report(), result.rows(), result.seconds(), result.rowsPerSecond(),
                    result.heapBeforeBytes() / 1e6, result.heapAfterBytes() / 1e6, result.bytesPerRow()));
        }
        return md.toString();
    }

    /** The whole {@code results.md} document. */
    public String document(List<ContenderResult> results, List<MultiRunnerResult> multiRunner,
            List<SpreadLine> spreads, List<OverheadResult> overhead, MethodNote note, List<Acceptance.Check> checks) {
        List<BenchRow> rows = Stream.concat(results.stream().map(ContenderResult::row),
                multiRunner.stream().map(MultiRunnerResult::row)).toList();
        StringBuilder md = new StringBuilder("# evals4j benchmark\n\n");
        md.append(table(rows)).append('\n');
        md.append("## Derived figures\n\n");
        md.append("| scenario | contender | run | rejected share | p95 latency (s) | ramp to 90% (s) |"
                + " failed rows ended with | note |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (ContenderResult result : results) {
            BenchRow row = result.row();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.3f | %s | %s | %s |%n", row.scenario(),
                    row.contender(), row.run(), 100 * row.rejectedShare(), result.p95LatencySeconds(),
                    row.rampSeconds() == null ? "–" : String.format(Locale.ROOT, "%.2f", row.rampSeconds()),
                    result.failureCauses().describe(), note(result)));
        }
        if (!spreads.isEmpty()) {
            md.append("\n## Spread of `").append(note.acceptedContender()).append("`\n\n")
                    .append(spreadTable(spreads));
        }
        if (!multiRunner.isEmpty()) {
            md.append("\n## Several runners, one experiment\n\n").append(multiRunnerTable(multiRunner))
                    .append("\n").append(MULTI_RUNNER_METHOD).append('\n');
        }
        if (!overhead.isEmpty()) {
            md.append("\n## Engine overhead\n\n").append(overheadTable(overhead));
        }
        md.append("\n## Acceptance (contender `").append(note.acceptedContender()).append("`)\n\n");
        for (Acceptance.Check check : checks) {
            md.append("- ").append(check.describe()).append('\n');
        }
        md.append("\n## Method\n\n").append(note.render()).append('\n');
        return md.toString();
    }

    /** Writes {@link #document} to {@code file}, replacing it. */
    public void write(List<ContenderResult> results, List<MultiRunnerResult> multiRunner, List<SpreadLine> spreads,
            List<OverheadResult> overhead, MethodNote note, List<Acceptance.Check> checks, Path file)
            throws IOException {
        Files.writeString(file, document(results, multiRunner, spreads, overhead, note, checks));
    }

    private static String percent(Spread share) {
        Spread percent = new Spread(100 * share.median(), 100 * share.min(), 100 * share.max(), share.count());
        return percent.describe("%.1f%%");
    }

    private static String note(ContenderResult result) {
        if (result.capped()) {
            return "stopped by the time cap: its ratio is a lower bound";
        }
        if (result.row().failed() > 0) {
            return "rows failed: its ratio covers fewer completed rows";
        }
        return "";
    }

    private static String line(BenchRow row) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %.2f | %.2f | %d | %d | %d | %d | %d |%n",
                row.scenario(), row.contender(), row.run(), row.rows(), row.makespanSeconds(), row.idealSeconds(), row.ratio(),
                row.calls(), row.rejected(), row.completed(), row.failed(), row.lost());
    }
}

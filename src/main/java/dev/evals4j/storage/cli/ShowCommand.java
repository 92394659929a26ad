package dev.evals4j.storage.cli;

import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.RunSummary;
import dev.evals4j.storage.RunTally;
import dev.evals4j.storage.ScoreRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code show NAME}: the summary table of an experiment (each suite), the runners that shared it with
 * how many runs each recorded, then its failed runs (a failing verdict, with what failed) and its runs
 * with errors (with the last error).
 */
final class ShowCommand {

    private ShowCommand() {}

    static void run(ResultStore store, CliArguments arguments, PrintStream out) {
        List<ExperimentInfo> experiments =
                ExperimentSelection.named(store, arguments.operands().get(0), arguments.suite());
        for (ExperimentInfo experiment : experiments) {
            show(store, experiment, out);
        }
    }

    /** How many runs each runner recorded, when runners shared the experiment (runs name their runner). */
    private static void printRunners(Map<RunKey, String> runners, PrintStream out) {
        Map<String, Long> runsByRunner = new TreeMap<>();
        runners.values().forEach(runner -> runsByRunner.merge(runner.isEmpty() ? "-" : runner, 1L, Long::sum));
        if (runsByRunner.size() < 2 && runsByRunner.keySet().stream().allMatch(runner -> runner.equals("-"))) {
            return;
        }
        out.println("Runners (" + runsByRunner.size() + "):");
        TextTable table = new TextTable("RUNNER", "RUNS");
        runsByRunner.forEach(table::row);
        table.print(out, "  ");
    }

    private static void show(ResultStore store, ExperimentInfo experiment, PrintStream out) {
        RunTally tally = new RunTally();
        Set<String> rows = new HashSet<>();
        List<RunRecord> failed = new ArrayList<>();
        List<RunRecord> errors = new ArrayList<>();
        try (Stream<RunRecord> runs = store.runs(experiment.id())) {
            runs.forEach(run -> {
                tally.add(run);
                rows.add(run.rowId());
                switch (Formats.outcome(run)) {
                    case Formats.FAIL -> failed.add(run);
                    case Formats.ERROR -> errors.add(run);
                    default -> { }
                }
            });
        }
        RunSummary summary = tally.summary();
        out.println("Experiment " + experiment.name() + " · " + experiment.suite() + " · created "
                + Formats.time(experiment.created()) + " · " + experiment.status());
        TextTable table = TextTable.withoutHeader(2)
                .row("rows", rows.size())
                .row("runs", summary.runs())
                .row("passed", summary.passed())
                .row("failed", summary.failed())
                .row("errors", summary.errors())
                .row("did not run", summary.didNotRun())
                .row("with retries", summary.completedWithRetries())
                .row("accuracy (95% CI)", Formats.accuracy(summary));
        summary.meanScores().forEach((name, mean) -> table.row("mean " + name, Formats.number(mean)));
        table.print(out, "  ");
        printRunners(store.runners(experiment.id()), out);
        if (failed.isEmpty() && errors.isEmpty()) {
            out.println("No failed runs and no errors.");
            return;
        }
        if (!failed.isEmpty()) {
            out.println("Failed runs (" + failed.size() + "):");
            TextTable rowsTable = new TextTable("ROW", "REP", "ATTEMPTS", "FAILURE");
            failed.forEach(run -> rowsTable.row(run.rowId(), run.repetition(), run.attempts(),
                    Formats.oneLine(String.join("; ", ScoreRecord.failures(run.scores())))));
            rowsTable.print(out, "  ");
        }
        if (!errors.isEmpty()) {
            out.println("Runs with errors (" + errors.size() + "):");
            TextTable rowsTable = new TextTable("ROW", "REP", "ATTEMPTS", "LAST ERROR");
            errors.forEach(run -> rowsTable.row(run.rowId(), run.repetition(), run.attempts(),
                    run.error() == null ? "-" : run.error()));
            rowsTable.print(out, "  ");
        }
    }
}

package dev.evals4j.storage.cli;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.RunSummary;
import dev.evals4j.storage.RunTally;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code show NAME}: the summary table of an experiment (each suite), then its failed runs. */
final class ShowCommand {

    private ShowCommand() {}

    static void run(ResultStore store, CliArguments arguments, PrintStream out) {
        List<ExperimentInfo> experiments =
                ExperimentSelection.named(store, arguments.operands().get(0), arguments.suite());
        for (ExperimentInfo experiment : experiments) {
            show(store, experiment, out);
        }
    }

    private static void show(ResultStore store, ExperimentInfo experiment, PrintStream out) {
        RunTally tally = new RunTally();
        Set<String> rows = new HashSet<>();
        List<RunRecord> failures = new ArrayList<>();
        try (Stream<RunRecord> runs = store.runs(experiment.id())) {
            runs.forEach(run -> {
                tally.add(run);
                rows.add(run.rowId());
                if (run.status() == ExecutionStatus.FAILED) {
                    failures.add(run);
                }
            });
        }
        RunSummary summary = tally.summary();
        out.println("Experiment " + experiment.name() + " · " + experiment.suite() + " · created "
                + Formats.time(experiment.created()) + " · " + experiment.status());
        TextTable table = TextTable.withoutHeader(2)
                .row("rows", rows.size())
                .row("runs", summary.runs())
                .row("completed", summary.completed())
                .row("with retries", summary.completedWithRetries())
                .row("failed", summary.failed())
                .row("did not run", summary.didNotRun())
                .row("accuracy (95% CI)", Formats.accuracy(summary));
        summary.meanScores().forEach((name, mean) -> table.row("mean " + name, Formats.number(mean)));
        table.print(out, "  ");
        if (failures.isEmpty()) {
            out.println("No failed runs.");
            return;
        }
        out.println("Failed runs (" + failures.size() + "):");
        TextTable failed = new TextTable("ROW", "REP", "ATTEMPTS", "LAST ERROR");
        failures.forEach(run -> failed.row(run.rowId(), run.repetition(), run.attempts(),
                run.error() == null ? "-" : run.error()));
        failed.print(out, "  ");
    }
}

package dev.evals4j.storage.cli;

import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunSummary;
import java.io.PrintStream;

/**
 * {@code list}: one line per experiment with its run counts, in the vocabulary of the method summary
 * (passed, failed, errors, did not run; see {@link dev.evals4j.storage.RunTally}).
 */
final class ListCommand {

    private ListCommand() {}

    static void run(ResultStore store, CliArguments arguments, PrintStream out) {
        TextTable table = new TextTable("NAME", "SUITE", "CREATED", "STATUS", "RUNS", "PASSED", "FAILED", "ERRORS",
                "DID-NOT-RUN");
        int shown = 0;
        for (ExperimentInfo experiment : store.listExperiments()) {
            if (arguments.suite() != null && !arguments.suite().equals(experiment.suite())) {
                continue;
            }
            RunSummary summary = ExperimentSelection.summarise(store, experiment);
            table.row(experiment.name(), experiment.suite(), Formats.time(experiment.created()), experiment.status(),
                    summary.runs(), summary.passed(), summary.failed(), summary.errors(), summary.didNotRun());
            shown++;
        }
        if (shown == 0) {
            out.println("No experiments.");
        } else {
            table.print(out, "");
        }
    }
}

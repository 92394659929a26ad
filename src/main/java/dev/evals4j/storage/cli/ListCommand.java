package dev.evals4j.storage.cli;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import java.io.PrintStream;
import java.util.Map;

/** {@code list}: one line per experiment with its run counts. */
final class ListCommand {

    private ListCommand() {}

    static void run(ResultStore store, CliArguments arguments, PrintStream out) {
        TextTable table = new TextTable("NAME", "SUITE", "CREATED", "STATUS", "RUNS", "COMPLETED", "FAILED",
                "DID-NOT-RUN");
        int shown = 0;
        for (ExperimentInfo experiment : store.listExperiments()) {
            if (arguments.suite() != null && !arguments.suite().equals(experiment.suite())) {
                continue;
            }
            Map<ExecutionStatus, Long> counts = store.runCounts(experiment.id());
            long completed = counts.getOrDefault(ExecutionStatus.COMPLETED, 0L)
                    + counts.getOrDefault(ExecutionStatus.COMPLETED_WITH_RETRIES, 0L);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            table.row(experiment.name(), experiment.suite(), Formats.time(experiment.created()), experiment.status(), total,
                    completed, counts.getOrDefault(ExecutionStatus.FAILED, 0L),
                    counts.getOrDefault(ExecutionStatus.DID_NOT_RUN, 0L));
            shown++;
        }
        if (shown == 0) {
            out.println("No experiments.");
        } else {
            table.print(out, "");
        }
    }
}

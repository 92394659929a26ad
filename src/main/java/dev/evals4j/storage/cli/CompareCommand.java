package dev.evals4j.storage.cli;

import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.RunSummary;
import dev.evals4j.storage.RunTally;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code compare A B}: for each suite both experiments ran, the aggregates side by side with their
 * change (passed, failed, errors and did not run, as {@code show} counts them), then the runs whose
 * pass/fail outcome changed.
 */
final class CompareCommand {

    private CompareCommand() {}

    static void run(ResultStore store, CliArguments arguments, PrintStream out) {
        String nameA = arguments.operands().get(0);
        String nameB = arguments.operands().get(1);
        List<ExperimentInfo> as = ExperimentSelection.named(store, nameA, arguments.suite());
        List<ExperimentInfo> bs = ExperimentSelection.named(store, nameB, arguments.suite());
        boolean anyPair = false;
        for (ExperimentInfo a : as) {
            Optional<ExperimentInfo> b = bs.stream().filter(e -> e.suite().equals(a.suite())).findFirst();
            if (b.isPresent()) {
                compare(store, a, b.get(), out);
                anyPair = true;
            } else {
                out.println("Suite " + a.suite() + " is only in " + nameA + ".");
            }
        }
        bs.stream()
                .filter(b -> as.stream().noneMatch(a -> a.suite().equals(b.suite())))
                .forEach(b -> out.println("Suite " + b.suite() + " is only in " + nameB + "."));
        if (!anyPair) {
            out.println("No suite is in both " + nameA + " and " + nameB + ": nothing to compare.");
        }
    }

    private static void compare(ResultStore store, ExperimentInfo a, ExperimentInfo b, PrintStream out) {
        Map<RunKey, String> outcomesA = new HashMap<>();
        RunTally tallyA = new RunTally();
        try (Stream<RunRecord> runs = store.runs(a.id())) {
            runs.forEach(run -> {
                tallyA.add(run);
                outcomesA.put(run.key(), Formats.outcome(run));
            });
        }
        RunTally tallyB = new RunTally();
        TextTable changed = new TextTable("ROW", "REP", a.name(), b.name());
        int[] counts = new int[2]; // changed, only in B
        try (Stream<RunRecord> runs = store.runs(b.id())) {
            runs.forEach(run -> {
                tallyB.add(run);
                String before = outcomesA.remove(run.key());
                String after = Formats.outcome(run);
                if (before == null) {
                    counts[1]++;
                } else if (before.equals(Formats.PASS) != after.equals(Formats.PASS)) {
                    changed.row(run.rowId(), run.repetition(), before, after);
                    counts[0]++;
                }
            });
        }
        RunSummary summaryA = tallyA.summary();
        RunSummary summaryB = tallyB.summary();
        out.println("Compare " + a.name() + " -> " + b.name() + " · " + a.suite());
        aggregates(summaryA, summaryB, a.name(), b.name()).print(out, "  ");
        if (counts[0] == 0) {
            out.println("No run changed between pass and fail.");
        } else {
            out.println("Runs whose pass/fail changed (" + counts[0] + "):");
            changed.print(out, "  ");
        }
        out.println("Runs only in " + a.name() + ": " + outcomesA.size() + "; only in " + b.name() + ": " + counts[1]);
    }

    private static TextTable aggregates(RunSummary a, RunSummary b, String nameA, String nameB) {
        TextTable table = new TextTable("", nameA, nameB, "CHANGE");
        table.row("runs", a.runs(), b.runs(), change(a.runs(), b.runs()));
        table.row("passed", a.passed(), b.passed(), change(a.passed(), b.passed()));
        table.row("failed", a.failed(), b.failed(), change(a.failed(), b.failed()));
        table.row("errors", a.errors(), b.errors(), change(a.errors(), b.errors()));
        table.row("did not run", a.didNotRun(), b.didNotRun(), change(a.didNotRun(), b.didNotRun()));
        table.row("accuracy (95% CI)", Formats.accuracy(a), Formats.accuracy(b), accuracyChange(a, b));
        Set<String> scores = new LinkedHashSet<>(a.meanScores().keySet());
        scores.addAll(b.meanScores().keySet());
        for (String score : scores) {
            Double meanA = a.meanScores().get(score);
            Double meanB = b.meanScores().get(score);
            table.row("mean " + score, Formats.number(meanA), Formats.number(meanB), Formats.change(meanA, meanB));
        }
        return table;
    }

    private static String change(long a, long b) {
        return String.format(Locale.ROOT, "%+d", b - a);
    }

    private static String accuracyChange(RunSummary a, RunSummary b) {
        if (a.accuracy().isEmpty() || b.accuracy().isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f pts", 100 * (b.accuracy().getAsDouble() - a.accuracy().getAsDouble()));
    }
}

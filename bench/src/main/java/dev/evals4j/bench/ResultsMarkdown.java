package dev.evals4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the results as Markdown: the table of {@code results.json}, the figures the table does not
 * hold (rejected share, p95 latency, time caps), the acceptance verdicts and a method note.
 */
public final class ResultsMarkdown {

    private static final String HEADER =
            "| scenario | contender | rows | makespan_s | ideal_s | ratio | calls | rejected | completed | failed | lost |\n"
          + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";

    /** The results table alone, as printed on standard output. */
    public String table(List<BenchRow> rows) {
        return HEADER + rows.stream().map(ResultsMarkdown::line).collect(Collectors.joining());
    }

    /** The whole {@code results.md} document. */
    public String document(List<ContenderResult> results, MethodNote note, List<Acceptance.Check> checks) {
        List<BenchRow> rows = results.stream().map(ContenderResult::row).toList();
        StringBuilder md = new StringBuilder("# evals4j benchmark\n\n");
        md.append(table(rows)).append('\n');
        md.append("## Derived figures\n\n");
        md.append("| scenario | contender | rejected share | p95 latency (s) | failed rows ended with | note |\n");
        md.append("| --- | --- | ---: | ---: | --- | --- |\n");
        for (ContenderResult result : results) {
            BenchRow row = result.row();
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f%% | %.3f | %s | %s |%n", row.scenario(),
                    row.contender(), 100 * row.rejectedShare(), result.p95LatencySeconds(),
                    result.failureCauses().describe(), note(result)));
        }
        md.append("\n## Acceptance (contender `").append(note.acceptedContender()).append("`)\n\n");
        for (Acceptance.Check check : checks) {
            md.append("- ").append(check.describe()).append('\n');
        }
        md.append("\n## Method\n\n").append(note.render()).append('\n');
        return md.toString();
    }

    /** Writes {@link #document} to {@code file}, replacing it. */
    public void write(List<ContenderResult> results, MethodNote note, List<Acceptance.Check> checks, Path file)
            throws IOException {
        Files.writeString(file, document(results, note, checks));
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
        return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %d | %d | %d | %d | %d |%n",
                row.scenario(), row.contender(), row.rows(), row.makespanSeconds(), row.idealSeconds(), row.ratio(),
                row.calls(), row.rejected(), row.completed(), row.failed(), row.lost());
    }
}

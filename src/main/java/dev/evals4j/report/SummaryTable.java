package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Renders method summaries as a plain-text table for the end of a run: rows, and each row as exactly
 * one of passed, failed (a failing verdict), errors (an exception after the last attempt, a timeout)
 * and not run, as the command-line view counts stored runs. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class SummaryTable {

    private static final List<String> HEADERS = List.of("method", "rows", "passed", "failed", "errors",
            "not run", "accuracy [95% CI]", "agreement", "retries", "429s", "rows/s", "peak", "time", "mean scores [95% CI]");

    /** The most failing rows listed under the table for one method. */
    static final int SHOWN_FAILING_ROWS = 20;

    private SummaryTable() {}

    /**
     * The table of {@code summaries}, one line per method, with a title line, followed by one line per
     * method that had rows with a failing verdict, listing them; empty when there is no summary.
     */
    public static String render(List<MethodSummary> summaries) {
        if (summaries.isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (MethodSummary s : summaries) {
            WilsonInterval ci = s.accuracyInterval();
            rows.add(List.of(
                    s.name(),
                    Long.toString(s.rows()),
                    Long.toString(s.passed()),
                    Long.toString(s.failed()),
                    Long.toString(s.errors()),
                    Long.toString(s.didNotRun()),
                    String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", s.accuracy(), ci.low(), ci.high()),
                    s.repetitions().map(r -> String.format(Locale.ROOT, "%.3f (acc %.3f-%.3f)", r.agreement(),
                            r.minAccuracy(), r.maxAccuracy())).orElse("-"),
                    Long.toString(s.retries()),
                    Long.toString(s.rateLimitHits()),
                    String.format(Locale.ROOT, "%.1f", s.throughput()),
                    Integer.toString(s.peakConcurrency()),
                    String.format(Locale.ROOT, "%.1fs", s.duration().toNanos() / 1e9),
                    s.meanScoresText(" ")));
        }
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder("evals4j summary\n");
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths)).append('\n');
            if (r == 0) {
                out.append(separator(widths)).append('\n');
            }
        }
        for (MethodSummary s : summaries) {
            if (!s.failingRows().isEmpty()) {
                out.append(s.name()).append(": ").append(s.failingRowsLine(SHOWN_FAILING_ROWS)).append('\n');
            }
        }
        return out.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean leftAligned = i == 0 || i == cells.size() - 1;
            String padding = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : " | ").append(leftAligned ? cell + padding : padding + cell);
        }
        return line.toString().stripTrailing();
    }

    private static String separator(int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        return line.toString();
    }
}

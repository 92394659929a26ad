package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.report.chart.ConcurrencySeries;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The aggregate of one {@code @ForEach} method's run.
 *
 * @param name the method's display name
 * @param rows the rows (row repetitions) that finished, whatever their verdict
 * @param passed rows with a passing result
 * @param failed rows with a failing result
 * @param errors rows that ended with an exception
 * @param didNotRun rows that never ran
 * @param retries attempts that repeated an earlier failed one (rate-limit requeues excluded)
 * @param rateLimitHits attempts rejected by a rate limit
 * @param meanScores the mean of each numeric score, by name
 * @param repetitions how consistently repeated rows were judged; empty when rows ran once
 * @param peakConcurrency the most rows in flight at once
 * @param finalConcurrency the concurrency limit when the run ended
 * @param duration the wall-clock time of the method
 * @param failingRows the rows that completed with a failing verdict, in the order they finished
 * @param scoreMeans the mean of each score with its confidence interval, by name; empty when the
 *     summary was made without them
 * @param concurrency what the executor did over time: calls in flight, the limit, the pacer's rate,
 *     retries and rate limits
 */
@API(status = INTERNAL, since = "0.1")
public record MethodSummary(String name, long rows, long passed, long failed, long errors, long didNotRun,
        long retries, long rateLimitHits, SortedMap<String, Double> meanScores,
        Optional<RepetitionStats> repetitions, int peakConcurrency,
        int finalConcurrency, Duration duration, List<FailingRow> failingRows,
        SortedMap<String, ScoreMean> scoreMeans, ConcurrencySeries concurrency) {

    private static final String MEAN_PREFIX = "mean:";

    /** Validates and copies. */
    public MethodSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(repetitions, "repetitions");
        Objects.requireNonNull(concurrency, "concurrency");
        meanScores = new TreeMap<>(meanScores);
        failingRows = List.copyOf(failingRows);
        scoreMeans = new TreeMap<>(scoreMeans);
    }

    /** A summary that lists no failing row, no score interval and no concurrency series. */
    public MethodSummary(String name, long rows, long passed, long failed, long errors, long didNotRun,
            long retries, long rateLimitHits, SortedMap<String, Double> meanScores,
            Optional<RepetitionStats> repetitions, int peakConcurrency, int finalConcurrency, Duration duration) {
        this(name, rows, passed, failed, errors, didNotRun, retries, rateLimitHits, meanScores, repetitions,
                peakConcurrency, finalConcurrency, duration, List.of(), new TreeMap<>(), ConcurrencySeries.EMPTY);
    }

    /**
     * The failing rows as one line, at most {@code max} of them, such as
     * {@code 2 rows with a failing verdict: r005 numeric_match=0; r009 numeric_match=0}; empty when
     * there is none.
     */
    public String failingRowsLine(int max) {
        if (failingRows.isEmpty()) {
            return "";
        }
        String shown = failingRows.stream().limit(max).map(FailingRow::toText).collect(Collectors.joining("; "));
        int hidden = failingRows.size() - Math.min(max, failingRows.size());
        return failingRows.size() + (failingRows.size() == 1 ? " row" : " rows") + " with a failing verdict: " + shown
                + (hidden == 0 ? "" : "; and " + hidden + " more (their test names carry the \u2717 marker)");
    }

    /** Passing rows among rows with a result (errors and rows that did not run excluded); 0 without any. */
    public double accuracy() {
        long judged = passed + failed;
        return judged == 0 ? 0 : (double) passed / judged;
    }

    /** The 95% Wilson interval of {@link #accuracy()}. */
    public WilsonInterval accuracyInterval() {
        return WilsonInterval.of95(passed, passed + failed);
    }

    /** Passing rows among all rows; 0 without any. */
    public double passRate() {
        return rows == 0 ? 0 : (double) passed / rows;
    }

    /** Rows that ended with an exception or did not run, among all rows; 0 without any. */
    public double errorRate() {
        return rows == 0 ? 0 : (double) (errors + didNotRun) / rows;
    }

    /** Finished rows per second of wall-clock time. */
    public double throughput() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    /**
     * Whether {@code metric} names a threshold metric: {@code accuracy}, {@code pass_rate},
     * {@code error_rate} or {@code mean:<score>}.
     */
    public static boolean isMetric(String metric) {
        return switch (metric) {
            case "accuracy", "pass_rate", "error_rate" -> true;
            default -> metric.startsWith(MEAN_PREFIX) && metric.length() > MEAN_PREFIX.length();
        };
    }

    /**
     * The value of a threshold metric (see {@link #isMetric}); empty for an unknown metric or a score
     * no row produced.
     */
    public OptionalDouble metric(String metric) {
        return switch (metric) {
            case "accuracy" -> OptionalDouble.of(accuracy());
            case "pass_rate" -> OptionalDouble.of(passRate());
            case "error_rate" -> OptionalDouble.of(errorRate());
            default -> {
                String score = metric.startsWith(MEAN_PREFIX) ? metric.substring(MEAN_PREFIX.length()) : null;
                yield score != null && meanScores.containsKey(score)
                        ? OptionalDouble.of(meanScores.get(score)) : OptionalDouble.empty();
            }
        };
    }


    /** A one-line form for a report entry. */
    public String toLine() {
        WilsonInterval ci = accuracyInterval();
        String means = meanScoresText(", ");
        return String.format(Locale.ROOT,
                "rows=%d passed=%d failed=%d errors=%d didNotRun=%d accuracy=%.3f [%.3f, %.3f] retries=%d "
                        + "rateLimitHits=%d throughput=%.2f/s peakConcurrency=%d duration=%.2fs%s",
                rows, passed, failed, errors, didNotRun, accuracy(), ci.low(), ci.high(), retries, rateLimitHits,
                throughput(), peakConcurrency, duration.toNanos() / 1e9, means.isEmpty() ? "" : " means={" + means + "}")
                + repetitions.map(r -> String.format(Locale.ROOT,
                        " repeatedRows=%d agreement=%.3f spread=%.3f accuracyByRepetition=[%.3f..%.3f] sd=%.3f",
                        r.rows(), r.agreement(), r.meanStdDev(), r.minAccuracy(), r.maxAccuracy(),
                        r.accuracyStdDev())).orElse("");
    }

    /**
     * Each score's mean, with its confidence interval when the summary has it, such as
     * {@code mrr=0.600 [0.408, 0.792]}, joined by {@code separator}.
     */
    public String meanScoresText(String separator) {
        return meanScores.entrySet().stream()
                .map(e -> e.getKey() + "=" + (scoreMeans.containsKey(e.getKey())
                        ? scoreMeans.get(e.getKey()).toText()
                        : String.format(Locale.ROOT, "%.3f", e.getValue())))
                .collect(Collectors.joining(separator));
    }

    /**
     * The summary as report-entry key-value pairs: {@code evals4j.summary}, and {@code evals4j.failingRows}
     * (every failing row with its failing scores) when a row failed.
     */
    public Map<String, String> toReportEntry() {
        return failingRows.isEmpty() ? Map.of("evals4j.summary", toLine())
                : Map.of("evals4j.summary", toLine(), "evals4j.failingRows", failingRowsLine(Integer.MAX_VALUE));
    }
}

package dev.evals4j.report.json;

import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.RepetitionStats;
import dev.evals4j.report.WilsonInterval;
import dev.evals4j.report.chart.ConcurrencySeries;
import java.util.Map;

/**
 * One method's entry in {@code summary.json}: a {@link MethodSummary} with its derived figures
 * computed, in plain JSON types (seconds as numbers, no optionals). Immutable.
 *
 * @param name the method's display name
 * @param rows the rows (row repetitions) that finished
 * @param passed rows with a passing result
 * @param failed rows with a failing result
 * @param errors rows that ended with an exception
 * @param didNotRun rows that never ran
 * @param retries attempts that repeated a failed one (rate-limit requeues excluded)
 * @param rateLimitHits attempts a rate limit rejected
 * @param accuracy passing rows among judged rows
 * @param accuracyInterval the 95% Wilson interval of the accuracy
 * @param passRate passing rows among all rows
 * @param errorRate errors and rows that did not run, among all rows
 * @param meanScores the mean of each numeric score, by name, sorted
 * @param repetitions agreement and spread of repeated rows, or {@code null} when rows ran once
 * @param throughputPerSecond finished rows per second
 * @param peakConcurrency the most rows in flight at once
 * @param finalConcurrency the concurrency limit at the end
 * @param durationSeconds the method's wall-clock time
 * @param concurrency calls in flight, the concurrency limit, the pacer's admitted rate, request starts,
 *     retries and rate limits over time, one point per interval (250 ms, doubled as often as needed to
 *     keep at most 240 points)
 */
record MethodSummaryJson(String name, long rows, long passed, long failed, long errors, long didNotRun,
        long retries, long rateLimitHits, double accuracy, WilsonInterval accuracyInterval, double passRate,
        double errorRate, Map<String, Double> meanScores, RepetitionStats repetitions, double throughputPerSecond,
        int peakConcurrency, int finalConcurrency, double durationSeconds, ConcurrencySeries concurrency) {

    /** The entry of {@code summary}. */
    public static MethodSummaryJson of(MethodSummary summary) {
        return new MethodSummaryJson(summary.name(), summary.rows(), summary.passed(), summary.failed(),
                summary.errors(), summary.didNotRun(), summary.retries(), summary.rateLimitHits(), summary.accuracy(),
                summary.accuracyInterval(), summary.passRate(), summary.errorRate(), summary.meanScores(),
                summary.repetitions().orElse(null), summary.throughput(), summary.peakConcurrency(),
                summary.finalConcurrency(), summary.duration().toNanos() / 1e9,
                summary.concurrency());
    }
}

package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.report.chart.ConcurrencySeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Adds up {@link RowRecord}s into a {@link MethodSummary}.
 *
 * <p>Not thread-safe: owned by the thread that reports rows.
 */
@API(status = INTERNAL, since = "0.1")
public final class SummaryAccumulator {

    private long rows;
    private long passed;
    private long failed;
    private long errors;
    private long didNotRun;
    private long retries;
    private long rateLimitHits;
    private final Map<String, ScoreMean.Accumulator> scoreSums = new TreeMap<>();
    private final List<FailingRow> failingRows = new ArrayList<>();
    private final boolean repeated;
    private final RepetitionTracker repetitions;

    /**
     * An empty accumulator.
     *
     * @param repeated whether rows run more than once; then the summary reports how consistently each
     *     row was judged (which costs one entry per row)
     */
    public SummaryAccumulator(boolean repeated) {
        this.repetitions = repeated ? new RepetitionTracker() : null;
        this.repeated = repeated;
    }

    /** Counts one finished row. */
    public void add(RowRecord row) {
        rows++;
        switch (row.verdict()) {
            case PASSED -> passed++;
            case FAILED -> {
                failed++;
                failingRows.add(new FailingRow(row.rowId(), row.repetition(), repeated, row.failingScores()));
            }
            case ERROR -> errors++;
            case DID_NOT_RUN -> didNotRun++;
        }
        if (repetitions != null) {
            repetitions.add(row.rowId(), row.repetition(), row.verdict());
        }
        retries += row.retries();
        rateLimitHits += row.rateLimitHits();
        row.scores().forEach((name, value) -> scoreSums.computeIfAbsent(name, n -> new ScoreMean.Accumulator()).add(value));
    }

    /** The rows counted so far. */
    public long rows() {
        return rows;
    }

    /** The rows with a failing result or an error so far. */
    public long failures() {
        return failed + errors;
    }

    /** The retries counted so far. */
    public long retries() {
        return retries;
    }

    /** The rate-limit hits counted so far. */
    public long rateLimitHits() {
        return rateLimitHits;
    }

    /** The summary of everything counted, with the run-level figures the rows do not carry. */
    public MethodSummary summarize(String name, int peakConcurrency, int finalConcurrency, Duration duration) {
        return summarize(name, peakConcurrency, finalConcurrency, duration, ConcurrencySeries.EMPTY);
    }

    /** The summary of everything counted, with the run-level figures and what the executor did over time. */
    public MethodSummary summarize(String name, int peakConcurrency, int finalConcurrency, Duration duration,
            ConcurrencySeries concurrency) {
        TreeMap<String, Double> means = new TreeMap<>();
        TreeMap<String, ScoreMean> scoreMeans = new TreeMap<>();
        scoreSums.forEach((score, sum) -> {
            means.put(score, sum.mean());
            scoreMeans.put(score, sum.result());
        });
        return new MethodSummary(name, rows, passed, failed, errors, didNotRun, retries, rateLimitHits, means,
                Optional.ofNullable(repetitions).map(RepetitionTracker::stats), peakConcurrency, finalConcurrency,
                duration, failingRows, scoreMeans, concurrency);
    }
}

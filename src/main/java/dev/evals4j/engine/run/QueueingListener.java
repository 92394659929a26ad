package dev.evals4j.engine.run;

import dev.evals4j.engine.config.ReportMode;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionListener;
import java.util.concurrent.CompletionStage;

/**
 * The executor's listener: turns the callbacks the engine thread reports into {@link RowEvent}s on
 * the {@link EventQueue} and returns at once. It never calls JUnit: only the engine thread does. A
 * row's start is queued only when rows are reported one by one ({@link ReportMode#ROWS}), the only
 * mode in which the engine thread does something with it; the calls in flight are kept in a field
 * that the engine thread reads for the progress line, not queued, so a row that runs and ends costs
 * the engine thread one event under {@code report=summary}. Thread-safe.
 */
final class QueueingListener implements ExecutionListener<RowItem, RowOutcome> {

    private final EventQueue queue;
    private final boolean queueStarts;
    private volatile int inFlight;

    QueueingListener(EventQueue queue, ReportMode mode) {
        this.queue = queue;
        this.queueStarts = mode == ReportMode.ROWS;
    }

    /** The calls in flight, as the executor last reported. */
    int inFlight() {
        return inFlight;
    }

    @Override
    public void itemStarted(long index, RowItem input) {
        if (queueStarts) {
            queue.put(new RowEvent.Started(input));
        }
    }

    @Override
    public void attemptFailed(long index, RowItem input, int attempt, Throwable failure, boolean rateLimited,
            long retryDelayNanos) {
        queue.put(new RowEvent.AttemptFailed(input, attempt, failure, rateLimited));
    }

    @Override
    public CompletionStage<?> itemFinished(long index, RowItem input, RowOutcome output, ExecutionDetails details) {
        queue.put(new RowEvent.Finished(input, output, details));
        return ExecutionListener.nothingHeld();
    }

    @Override
    public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
        this.inFlight = inFlight;
    }
}

package dev.evals4j.engine.run;

import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionListener;

/**
 * The executor's listener: turns every callback into a {@link RowEvent} on the {@link EventQueue} and
 * returns at once. It never calls JUnit: only the engine thread does. Thread-safe.
 */
final class QueueingListener implements ExecutionListener<RowItem, RowOutcome> {

    private final EventQueue queue;

    QueueingListener(EventQueue queue) {
        this.queue = queue;
    }

    @Override
    public void itemStarted(long index, RowItem input) {
        queue.put(new RowEvent.Started(input));
    }

    @Override
    public void attemptFailed(long index, RowItem input, int attempt, Throwable failure, boolean rateLimited,
            long retryDelayNanos) {
        queue.put(new RowEvent.AttemptFailed(input, attempt, failure, rateLimited));
    }

    @Override
    public void itemFinished(long index, RowItem input, RowOutcome output, ExecutionDetails details) {
        queue.put(new RowEvent.Finished(input, output, details));
    }

    @Override
    public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
        queue.put(new RowEvent.ConcurrencyChanged(inFlight, limit));
    }
}

package dev.evals4j.engine.row;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.dataset.MalformedEntry;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.storage.RunRecord;
import org.apiguardian.api.API;

/**
 * Something that happened to a running method, put on the method run's event queue by executor and worker
 * threads and reported to JUnit by the engine thread. Immutable.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface RowEvent {

    /** The first attempt of {@code item} is starting. */
    record Started(RowItem item) implements RowEvent {}

    /** Attempt {@code attempt} of {@code item} failed and will be retried. */
    record AttemptFailed(RowItem item, int attempt, Throwable failure, boolean rateLimited) implements RowEvent {}

    /** {@code item} reached its final status; {@code outcome} is {@code null} unless it completed. */
    record Finished(RowItem item, RowOutcome outcome, ExecutionDetails details) implements RowEvent {}

    /**
     * {@code item} already completed in the experiment being resumed: it is reported from its stored
     * {@code run} and not run again. The reporter calls {@code onReported} once it has reported it
     * (the resume feed waits for that before it restores more rows).
     */
    record Restored(RowItem item, RunRecord run, Runnable onReported) implements RowEvent {}

    /** A dataset line could not be read as a row. */
    record Malformed(MalformedEntry entry) implements RowEvent {}

    /** User code published a report entry on {@code item} through its {@code EvalContext}. */
    record Published(RowItem item, String key, String value) implements RowEvent {}

    /**
     * The executor returned (or failed, then {@code failure} is not {@code null}); no event follows.
     *
     * @param peakConcurrency the most rows in flight at once
     * @param finalLimit the concurrency limit at the end
     * @param stopped whether the run stopped before every row ran (a stop on the first error, a cancellation)
     * @param failure why the run could not complete (a missing dataset, a missing column), or {@code null}
     */
    record RunEnded(int peakConcurrency, int finalLimit, boolean stopped, Throwable failure) implements RowEvent {}
}

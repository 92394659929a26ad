package dev.evals4j.engine.experiment;

import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionListener;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;
import dev.evals4j.storage.StoreException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Records every finished row of a method in its experiment, then lets {@code delegate} (the engine's
 * reporting listener) see every callback.
 *
 * <p><b>Durability.</b> A completed row is recorded with {@link ResultStore#recordCommitted} inside
 * {@link #itemFinished}, which the executor calls before it dispatches in the row's place, and that
 * call returns once the row's run is committed (the store's writer commits whatever is queued in one
 * transaction). So when the JVM dies ({@code kill -9})
 * only the rows in flight can be called a second time by the next run. Failed and {@code DID_NOT_RUN}
 * rows are recorded without waiting: they run again anyway.
 *
 * <p><b>Failures.</b> The first store failure is thrown from {@link #itemFinished} (the executor then
 * stops dispatching and ends its run with it, which fails the method's container); the failure message
 * names the row and, through the store's message, the database. Rows recorded before stay recorded;
 * later rows are still reported but no longer recorded.
 *
 * <p>Confined to the executor's callback thread, like every {@link ExecutionListener}.
 */
final class RecordingListener implements ExecutionListener<RowItem, RowOutcome> {

    private final ExecutionListener<RowItem, RowOutcome> delegate;
    private final ResultStore store;
    private final long experimentId;
    private final String experimentName;
    private final Rescoring rescoring;
    private StoreException failure;
    private long recorded;
    private volatile String firstFailedRow;

    /**
     * A listener recording into the experiment {@code experimentId} of {@code store}.
     *
     * @param experimentName the experiment's name, for messages
     */
    public RecordingListener(ExecutionListener<RowItem, RowOutcome> delegate, ResultStore store, long experimentId,
            String experimentName) {
        this(delegate, store, experimentId, experimentName, null);
    }

    /**
     * A listener that, when {@code rescoring} is not {@code null}, merges the scores of every re-scored
     * row into its stored run ({@link ResultStore#updateScores}) instead of recording a run; a row whose
     * re-scoring failed leaves its stored run as it was.
     */
    public RecordingListener(ExecutionListener<RowItem, RowOutcome> delegate, ResultStore store, long experimentId,
            String experimentName, Rescoring rescoring) {
        this.rescoring = rescoring;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.store = Objects.requireNonNull(store, "store");
        this.experimentId = experimentId;
        this.experimentName = Objects.requireNonNull(experimentName, "experimentName");
    }

    @Override
    public void itemStarted(long index, RowItem input) {
        delegate.itemStarted(index, input);
    }

    @Override
    public void attemptFailed(long index, RowItem input, int attempt, Throwable cause, boolean rateLimited,
            long retryDelayNanos) {
        delegate.attemptFailed(index, input, attempt, cause, rateLimited, retryDelayNanos);
    }

    @Override
    public void itemFinished(long index, RowItem input, RowOutcome output, ExecutionDetails details) {
        delegate.itemFinished(index, input, output, details);
        if (details.status() == ExecutionStatus.FAILED && firstFailedRow == null) {
            firstFailedRow = input.row().id() + (input.repeated() ? " #" + input.repetition() : "");
        }
        if (failure != null) {
            return;
        }
        try {
            if (rescoring != null) {
                updateScores(input, output, details);
                return;
            }
            RunRecord run = RunRecords.of(experimentId, input, output, details, input.row().contentHash());
            if (details.status().isCompleted()) {
                awaitCommit(input, store.recordCommitted(run));
            } else {
                store.record(run);
            }
            recorded++;
        } catch (RuntimeException e) {
            throw failure == null ? fail(input, e) : e;
        }
    }

    /** Waits until {@code input}'s run is committed, so the executor dispatches nothing in its place before. */
    private void awaitCommit(RowItem input, CompletableFuture<Void> commit) {
        try {
            commit.join();
        } catch (CompletionException | CancellationException e) {
            throw fail(input, e.getCause() instanceof RuntimeException cause ? cause : e);
        }
    }

    private StoreException fail(RowItem input, RuntimeException cause) {
        failure = new StoreException("Could not record row '" + input.row().id() + "' (repetition "
                + input.repetition() + ") of experiment '" + experimentName + "'; the rows recorded before it"
                + " are kept: " + cause.getMessage(), cause);
        return failure;
    }

    private void updateScores(RowItem input, RowOutcome output, ExecutionDetails details) {
        RunRecord stored = rescoring.remove(input);
        if (stored != null && details.status().isCompleted() && output != null) {
            store.updateScores(experimentId, RunRecords.key(input),
                    ScoreRecord.toJson(Rescoring.merge(stored.scores(), StoredScores.of(output))));
            store.flush();
            recorded++;
        }
    }

    @Override
    public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
        delegate.concurrencyChanged(tickerNanos, inFlight, limit);
    }

    /** The rows recorded so far. */
    public long recorded() {
        return recorded;
    }

    /**
     * The first row that ended {@code FAILED}, with an error (with its repetition when rows repeat), or
     * {@code null}; a failing verdict completes its row.
     */
    public String firstFailedRow() {
        return firstFailedRow;
    }

    /** The first store failure, or {@code null}. */
    public StoreException failure() {
        return failure;
    }
}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records every finished row of a method in its experiment, then lets {@code delegate} (the engine's
 * reporting listener) see every callback.
 *
 * <p><b>Durability.</b> A completed row is recorded with {@link ResultStore#recordCommitted}, and
 * {@link #itemFinished} answers the stage of its commit: the executor holds the row's slot until the
 * row is committed (see {@link ExecutionListener}), so when the JVM dies ({@code kill -9}) the next
 * run can call the model a second time only for rows that were in flight or held: at most the
 * concurrency limit. The callback does not wait, so the rows finished meanwhile share the store
 * writer's next transaction (a group commit). Failed and {@code DID_NOT_RUN} rows are recorded without
 * holding their slot: they run again anyway.
 *
 * <p><b>Failures.</b> The first store failure, thrown by the store or failing a commit, names the row
 * and, through the store's message, the database; it is thrown from {@link #itemFinished} or fails
 * the row's stage, and the executor then stops dispatching and ends its run with it, which fails the
 * method's container. Every later stage fails with that same failure. Rows recorded before stay
 * recorded; later rows are still reported but no longer recorded.
 *
 * <p>Confined to the executor's callback thread, like every {@link ExecutionListener}, except the
 * first failure, which the store's writer may set when it fails a commit (hence atomic).
 */
final class RecordingListener implements ExecutionListener<RowItem, RowOutcome> {

    private final ExecutionListener<RowItem, RowOutcome> delegate;
    private final ResultStore store;
    private final long experimentId;
    private final String experimentName;
    private final Rescoring rescoring;
    private final AtomicReference<StoreException> failure = new AtomicReference<>();
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
    public CompletionStage<?> itemFinished(long index, RowItem input, RowOutcome output, ExecutionDetails details) {
        CompletionStage<?> reported = delegate.itemFinished(index, input, output, details);
        if (details.status() == ExecutionStatus.FAILED && firstFailedRow == null) {
            firstFailedRow = input.row().id() + (input.repeated() ? " #" + input.repetition() : "");
        }
        if (failure.get() != null) {
            return reported;
        }
        try {
            if (rescoring != null) {
                updateScores(input, output, details);
                return reported;
            }
            RunRecord run = RunRecords.of(experimentId, input, output, details, input.row().contentHash());
            if (details.status().isCompleted()) {
                CompletableFuture<Void> commit = store.recordCommitted(run);
                recorded++;
                return ExecutionListener.heldUntilBoth(reported, committed(input, commit));
            }
            store.record(run);
            recorded++;
            return reported;
        } catch (RuntimeException e) {
            throw fail(input, e);
        }
    }

    /** {@code commit}, failing with the first store failure (named after {@code input} if it is the first). */
    private CompletionStage<Void> committed(RowItem input, CompletableFuture<Void> commit) {
        return commit.handle((ignored, lost) -> {
            if (lost == null) {
                return null;
            }
            Throwable cause = lost instanceof CompletionException && lost.getCause() != null ? lost.getCause() : lost;
            throw fail(input, cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause));
        });
    }

    /** Keeps the first store failure, naming {@code input}, and answers it (the first one, whichever row it names). */
    private StoreException fail(RowItem input, RuntimeException cause) {
        if (failure.get() != null) {
            return failure.get();
        }
        failure.compareAndSet(null, new StoreException("Could not record row '" + input.row().id() + "' (repetition "
                + input.repetition() + ") of experiment '" + experimentName + "'; the rows recorded before it"
                + " are kept: " + cause.getMessage(), cause));
        return failure.get();
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

    /** The rows handed to the store so far (the last completed ones may still wait for their commit). */
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
        return failure.get();
    }
}

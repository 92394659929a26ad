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
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Records every finished row of a method in its experiment, then lets {@code delegate} (the engine's
 * reporting listener) see every callback.
 *
 * <p><b>Durability.</b> A completed row is recorded with {@link ResultStore#recordCommitted} inside
 * {@link #itemFinished}, which the executor calls before it dispatches again, and that call returns
 * only while at most {@code uncommittedRows} completed rows still wait for their commit: it first
 * waits for the oldest ones. So a row holds its place until its commit lands, and when the JVM dies
 * ({@code kill -9}) only the rows in flight and those {@code uncommittedRows} can be called a second
 * time by the next run. The engine uses 0: every finished row is committed before the next dispatch,
 * so its bound is the rows in flight (a window above 0 lets fast rows share group commits at the price
 * of a wider bound). Failed and
 * {@code DID_NOT_RUN} rows are recorded without waiting: they run again anyway.
 *
 * <p><b>Failures.</b> The first store failure is thrown from {@link #itemFinished}, or from {@link
 * #awaitCommits()} when it is the commit of one of the last rows (the executor then
 * stops dispatching and ends its run with it, which fails the method's container); the failure
 * message names the row and, through the store's message, the database. Rows recorded before stay
 * recorded; later rows are still reported but no longer recorded.
 *
 * <p>Confined to the executor's callback thread, like every {@link ExecutionListener}.
 */
final class RecordingListener implements ExecutionListener<RowItem, RowOutcome> {

    private final ExecutionListener<RowItem, RowOutcome> delegate;
    private final ResultStore store;
    private final long experimentId;
    private final String experimentName;
    private final Rescoring rescoring;
    private final int uncommittedRows;
    private final ArrayDeque<PendingCommit> uncommitted = new ArrayDeque<>();
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
        this(delegate, store, experimentId, experimentName, null, 0);
    }

    /** A completed row whose run waits for its commit. */
    private record PendingCommit(RowItem item, CompletableFuture<Void> stage) {}

    /**
     * A listener that, when {@code rescoring} is not {@code null}, merges the scores of every re-scored
     * row into its stored run ({@link ResultStore#updateScores}) instead of recording a run; a row whose
     * re-scoring failed leaves its stored run as it was.
     *
     * @param uncommittedRows how many completed rows may still wait for their commit when {@link
     *     #itemFinished} returns (0: none)
     */
    public RecordingListener(ExecutionListener<RowItem, RowOutcome> delegate, ResultStore store, long experimentId,
            String experimentName, Rescoring rescoring, int uncommittedRows) {
        if (uncommittedRows < 0) {
            throw new IllegalArgumentException("uncommittedRows must be >= 0, was " + uncommittedRows);
        }
        this.uncommittedRows = uncommittedRows;
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
                uncommitted.add(new PendingCommit(input, store.recordCommitted(run)));
            } else {
                store.record(run);
            }
            recorded++;
        } catch (RuntimeException e) {
            throw fail(input, e);
        }
        awaitCommits(uncommittedRows);
    }

    /**
     * Waits until every completed row's run is committed.
     *
     * @throws StoreException naming the row when one of them could not be stored
     */
    public void awaitCommits() {
        if (failure == null) {
            awaitCommits(0);
        }
    }

    /** Waits for the oldest commits until at most {@code window} are pending, and takes those already done. */
    private void awaitCommits(int window) {
        while (!uncommitted.isEmpty() && (uncommitted.size() > window || uncommitted.peek().stage().isDone())) {
            PendingCommit oldest = uncommitted.poll();
            try {
                oldest.stage().join();
            } catch (CompletionException | CancellationException e) {
                uncommitted.clear();
                throw fail(oldest.item(), e.getCause() instanceof RuntimeException cause ? cause : e);
            }
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

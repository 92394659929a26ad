package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Applies a task to a stream of inputs with retries, recording one {@link ExecutionDetails} per
 * item. The two implementations are {@link AsyncExecutor} (concurrent) and {@link SyncExecutor}
 * (one item at a time, each call on a helper thread it can abandon); {@link ExecutorFactory}
 * chooses between them.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
public interface Executor<I, O> {

    /**
     * Runs the task over {@code inputs} and blocks until every item taken has a final status.
     *
     * <p>Inputs are taken lazily from the iterator, never materialised; after an
     * {@code exitOnError} failure or {@link #stop()} the iterator is not read any further. Every item
     * taken gets exactly one {@link ExecutionListener#itemFinished} call; callbacks happen as
     * documented by {@link ExecutionListener}.
     *
     * @return the totals of the run
     * @throws ExecutionAbortedException after every item taken was finished, if reading the inputs
     *     failed or the listener threw
     */
    ExecutionSummary run(Iterator<? extends I> inputs, ExecutionListener<? super I, ? super O> listener);

    /**
     * Runs the task over a list (Phoenix's convenience): outputs and details indexed by input
     * position. Inputs that were never taken (after an {@code exitOnError} failure or a stop) are
     * {@link ExecutionStatus#DID_NOT_RUN} with the fallback value.
     */
    default ExecutionResult<O> run(List<? extends I> inputs) {
        int size = inputs.size();
        List<O> outputs = new ArrayList<>(Collections.nCopies(size, fallbackValue()));
        List<ExecutionDetails> details = new ArrayList<>(Collections.nCopies(size, ExecutionDetails.didNotRun()));
        run(inputs.iterator(), new ExecutionListener<I, O>() {
            @Override
            public CompletionStage<?> itemFinished(long index, I input, O output, ExecutionDetails itemDetails) {
                outputs.set((int) index, output);
                details.set((int) index, itemDetails);
                return ExecutionListener.nothingHeld();
            }
        });
        return new ExecutionResult<>(outputs, details);
    }

    /**
     * Stops the run in progress, and every later one. Thread-safe, callable from any thread (a
     * shutdown hook, a JUnit cancellation): dispatching stops at once; calls in flight get the
     * shutdown grace period to finish (recorded normally), then are cancelled; every item not
     * finished ends {@link ExecutionStatus#DID_NOT_RUN} with the fallback value, and
     * {@link #run} returns promptly.
     */
    void stop();

    /** The output recorded for items that did not complete ({@code null} unless configured). */
    O fallbackValue();
}

package dev.evals4j.execution;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Observes an execution item by item while it runs. This is how the JUnit engine reports rows live
 * and how the store records them as they finish.
 *
 * <p>All callbacks of one execution are made by a single thread (the executor's dispatcher, or the
 * caller's thread for the {@link SyncExecutor}), one at a time, so an implementation needs no
 * locking of its own. Callbacks must return quickly: hand slow work to another thread.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
public interface ExecutionListener<I, O> {

    /** The first attempt of the item at {@code index} is starting. Called once per item that starts. */
    default void itemStarted(long index, I input) {}

    /**
     * Attempt {@code attempt} (1-based) of the item at {@code index} failed and will be retried
     * after {@code retryDelayNanos}.
     */
    default void attemptFailed(long index, I input, int attempt, Throwable failure, boolean rateLimited,
            long retryDelayNanos) {}

    /**
     * The item at {@code index} reached its final status. Called exactly once for every input the
     * executor took, started or not ({@link ExecutionStatus#DID_NOT_RUN} for those never started).
     *
     * @param output the output, or the fallback value when the item did not complete
     */
    default void itemFinished(long index, I input, O output, ExecutionDetails details) {}

    /** The number of calls in flight or the concurrency limit changed (for progress and charts). */
    default void concurrencyChanged(long tickerNanos, int inFlight, int limit) {}

    /** A listener that ignores everything. */
    static <I, O> ExecutionListener<I, O> none() {
        return new ExecutionListener<>() {};
    }
}

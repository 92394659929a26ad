package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Observes an execution item by item while it runs. This is how the JUnit engine reports rows live
 * and how the store records them as they finish.
 *
 * <p>All callbacks of one execution are made by a single thread (the executor's dispatcher, or the
 * caller's thread for the {@link SyncExecutor}), one at a time, so an implementation needs no
 * locking of its own. Callbacks must return quickly: hand slow work to another thread.
 *
 * <p><b>Held slots.</b> {@link #itemFinished} answers a stage, and the finished item keeps its place
 * until that stage completes: the {@link AsyncExecutor} counts it toward the concurrency limit (not
 * as a call: it is neither timed out nor cancelled, and the strategy does not measure it) and starts
 * nothing in its place before, while it goes on handling the other items; the {@link SyncExecutor}
 * waits for the stage before it takes the next input. Every run waits for every held stage before it
 * returns. A stage that completes exceptionally ends the run like a listener that threw: nothing
 * more is started, the calls in flight are cancelled, and the run throws {@link
 * ExecutionAbortedException} with that failure. This is how a listener makes a finished item's
 * side effect (a commit to a results store) durable before the item's slot is reused, without
 * blocking the executor's thread: after a crash, at most the concurrency limit of items were in
 * flight or not yet durable. A listener with nothing to wait for answers {@link #nothingHeld()}.
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
     * @return a stage the item's slot stays held until (see the type's documentation), never {@code
     *     null}; {@link #nothingHeld()} when the slot is free at once
     */
    default CompletionStage<?> itemFinished(long index, I input, O output, ExecutionDetails details) {
        return nothingHeld();
    }

    /** The number of calls in flight or the concurrency limit changed (for progress and charts). */
    default void concurrencyChanged(long tickerNanos, int inFlight, int limit) {}

    /** The stage of an {@link #itemFinished} that holds its item's slot no longer: already complete. */
    static CompletionStage<Void> nothingHeld() {
        return NothingHeld.STAGE;
    }

    /**
     * A stage that completes when both {@code first} and {@code second} have, for a listener that
     * holds its item's slot for its own reason and its delegate's: exceptionally when either does.
     */
    static CompletionStage<?> heldUntilBoth(CompletionStage<?> first, CompletionStage<?> second) {
        if (NothingHeld.is(first)) {
            return second;
        }
        if (NothingHeld.is(second)) {
            return first;
        }
        return first.thenCombine(second, (a, b) -> null);
    }

    /** A listener that ignores everything. */
    static <I, O> ExecutionListener<I, O> none() {
        return new ExecutionListener<>() {};
    }
}

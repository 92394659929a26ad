package dev.evals4j.execution;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Calls a user's {@link ExecutionListener} and keeps its failures: the first one is what the run
 * throws at the end (as {@link ExecutionAbortedException}), later ones are attached as suppressed.
 * A listener that threw is still called for the remaining items, so each still gets its final
 * status. A stage answered by {@link ExecutionListener#itemFinished} that completes exceptionally
 * counts as a failure of the listener too ({@link #holdFailed}). Single-owner (the thread making
 * callbacks); not thread-safe.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
final class SafeListener<I, O> {

    private final ExecutionListener<? super I, ? super O> delegate;
    private RuntimeException failure;

    SafeListener(ExecutionListener<? super I, ? super O> delegate) {
        this.delegate = delegate;
    }

    void itemStarted(long index, I input) {
        call(() -> delegate.itemStarted(index, input));
    }

    void attemptFailed(long index, I input, int attempt, Throwable cause, boolean rateLimited, long delayNanos) {
        call(() -> delegate.attemptFailed(index, input, attempt, cause, rateLimited, delayNanos));
    }

    /**
     * Reports the item finished and answers the stage its slot is held until: {@link
     * NothingHeld#STAGE} when the listener threw (its failure is kept) or holds nothing.
     */
    CompletionStage<?> itemFinished(long index, I input, O output, ExecutionDetails details) {
        CompletionStage<?> held;
        try {
            held = delegate.itemFinished(index, input, output, details);
        } catch (RuntimeException thrown) {
            keep(thrown);
            return NothingHeld.STAGE;
        }
        if (held == null) {
            keep(new NullPointerException("itemFinished returned null instead of a CompletionStage for item " + index));
            return NothingHeld.STAGE;
        }
        return held;
    }

    /** Waits on this thread until {@code held} completes; a failure is kept as the listener's. */
    void awaitHeld(CompletionStage<?> held) {
        if (NothingHeld.is(held)) {
            return;
        }
        try {
            held.toCompletableFuture().join();
        } catch (CompletionException | CancellationException failure) {
            holdFailed(failure);
        }
    }

    /** A held stage completed with {@code cause}: kept like a failure the listener threw. */
    void holdFailed(Throwable cause) {
        Throwable failure = cause;
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        keep(failure instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("A held item's stage failed: " + failure, failure));
    }

    void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
        call(() -> delegate.concurrencyChanged(tickerNanos, inFlight, limit));
    }

    /** Whether the listener has thrown. */
    boolean failed() {
        return failure != null;
    }

    /** Throws if the listener has thrown, with the run's totals. */
    void throwIfFailed(ExecutionSummary summary) {
        if (failure != null) {
            throw new ExecutionAbortedException("The execution listener threw; the run was stopped", failure, summary);
        }
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException thrown) {
            keep(thrown);
        }
    }

    private void keep(RuntimeException thrown) {
        if (failure == null) {
            failure = thrown;
        } else if (failure != thrown) {
            failure.addSuppressed(thrown);
        }
    }
}

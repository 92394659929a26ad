package dev.evals4j.execution;

/**
 * Calls a user's {@link ExecutionListener} and keeps its failures: the first one is what the run
 * throws at the end (as {@link ExecutionAbortedException}), later ones are attached as suppressed.
 * A listener that threw is still called for the remaining items, so each still gets its final
 * status. Single-owner (the thread making callbacks); not thread-safe.
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

    void itemFinished(long index, I input, O output, ExecutionDetails details) {
        call(() -> delegate.itemFinished(index, input, output, details));
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
            if (failure == null) {
                failure = thrown;
            } else if (failure != thrown) {
                failure.addSuppressed(thrown);
            }
        }
    }
}

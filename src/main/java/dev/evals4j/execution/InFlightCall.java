package dev.evals4j.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

/**
 * One started attempt: which item, when it started, when it times out, and the handles needed to
 * cancel it. The dispatcher creates and retires it; the worker attaches the task's stage. The
 * cancellation handles are guarded by this object's monitor, so a cancel that races the attach
 * still reaches the call.
 *
 * @param <I> the input type
 */
final class InFlightCall<I> {

    private final ItemRecord<I> item;
    private final Attempt attempt;
    private final long startNanos;
    private final long deadlineNanos;
    private final long estimatedTokens;
    private Future<?> worker;
    private CompletableFuture<?> stage;
    private boolean cancelled;

    /** @param estimatedTokens the tokens the call was estimated at when the pacer admitted it */
    InFlightCall(ItemRecord<I> item, Attempt attempt, long startNanos, long deadlineNanos, long estimatedTokens) {
        this.item = item;
        this.attempt = attempt;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.estimatedTokens = estimatedTokens;
    }

    long estimatedTokens() {
        return estimatedTokens;
    }

    ItemRecord<I> item() {
        return item;
    }

    Attempt attempt() {
        return attempt;
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    synchronized void attachWorker(Future<?> worker) {
        this.worker = worker;
        if (cancelled) {
            worker.cancel(true);
        }
    }

    synchronized void attachStage(CompletionStage<?> stage) {
        try {
            this.stage = stage.toCompletableFuture();
        } catch (UnsupportedOperationException notCancellable) {
            return;
        }
        if (cancelled) {
            this.stage.cancel(true);
        }
    }

    /** Cancels the call: interrupts the worker if it is still inside the task, cancels the stage. */
    synchronized void cancel() {
        cancelled = true;
        if (worker != null) {
            worker.cancel(true);
        }
        if (stage != null) {
            stage.cancel(true);
        }
    }
}

package dev.evals4j.concurrency;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A gate of permits whose limit can change while permits are held: the executor resizes it to the
 * {@link ConcurrencyStrategy#limit()} of the moment and takes one permit per call in flight.
 *
 * <p>Shrinking the limit never revokes a permit already taken: it only refuses new ones until enough
 * holders have released theirs that fewer than {@link #limit()} remain in use. Growing the limit
 * hands the new permits to waiting {@link #acquireAsync()} callers first, in arrival order.
 *
 * <p>Nothing here blocks a thread. Thread-safe: the small state (limit, permits in use, waiters) is
 * guarded by this object's monitor, and waiters are completed outside it, on the thread that
 * released or added the permit.
 */
public final class PermitGate {

    private int limit;
    private int inUse;
    private final Queue<CompletableFuture<Void>> waiters = new ArrayDeque<>();

    /**
     * A gate that lets {@code limit} permits be held at once.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public PermitGate(int limit) {
        this.limit = requireValidLimit(limit);
    }

    /**
     * Takes a permit if one is free and nobody is already waiting for one.
     *
     * @return whether a permit was taken; the caller must {@link #release()} it exactly once
     */
    public synchronized boolean tryAcquire() {
        if (inUse < limit && waiters.isEmpty()) {
            inUse++;
            return true;
        }
        return false;
    }

    /**
     * A stage that completes once a permit has been taken for the caller: at once if one is free,
     * otherwise when a release or a larger limit frees one. Waiters are served first come, first
     * served. Cancelling the returned future before it completes withdraws the request.
     */
    public CompletionStage<Void> acquireAsync() {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        synchronized (this) {
            if (inUse < limit && waiters.isEmpty()) {
                inUse++;
                waiter.complete(null);
                return waiter;
            }
            waiters.add(waiter);
        }
        return waiter;
    }

    /**
     * Returns a permit taken earlier.
     *
     * @throws IllegalStateException if no permit is in use
     */
    public void release() {
        synchronized (this) {
            if (inUse == 0) {
                throw new IllegalStateException("release() without a permit in use");
            }
            inUse--;
        }
        serveWaiters();
    }

    /**
     * Changes the number of permits that may be held at once. Permits already held above a smaller
     * limit stay valid; new ones are refused until {@link #inUse()} drops below it.
     *
     * @throws IllegalArgumentException if {@code newLimit < 1}
     */
    public void resize(int newLimit) {
        requireValidLimit(newLimit);
        synchronized (this) {
            limit = newLimit;
        }
        serveWaiters();
    }

    /** The number of permits that may be held at once. */
    public synchronized int limit() {
        return limit;
    }

    /** The number of permits held now; may exceed {@link #limit()} right after a shrink. */
    public synchronized int inUse() {
        return inUse;
    }

    /** The number of {@link #acquireAsync()} callers still waiting for a permit. */
    public synchronized int waiting() {
        return waiters.size();
    }

    /** Hands free permits to waiters, completing each future outside the monitor. */
    private void serveWaiters() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                if (inUse >= limit || waiters.isEmpty()) {
                    return;
                }
                next = waiters.poll();
                inUse++;
            }
            if (!next.complete(null)) {
                // Cancelled by its owner while queued: the permit goes back.
                synchronized (this) {
                    inUse--;
                }
            }
        }
    }

    private static int requireValidLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return limit;
    }

    @Override
    public synchronized String toString() {
        return "PermitGate[" + inUse + "/" + limit + ", waiting=" + waiters.size() + "]";
    }
}

package dev.evals4j.execution;

import java.util.concurrent.TimeUnit;

/**
 * The meeting point of one attempt of a {@link SyncExecutor}: the helper thread running the call
 * reports its end, {@link SyncExecutor#stop()} reports a stop, and the run's thread waits for
 * whichever decides the attempt first (its end, its timeout, or the end of the shutdown grace period
 * that a stop starts).
 *
 * <p>Thread-safety: every field is guarded by this object's monitor. The helper thread calls
 * {@link #finish} once, any thread calls {@link #requestStop}, the run's thread calls {@link #await}.
 *
 * @param <O> the output type
 */
final class PendingCall<O> {

    /** How a wait ended. */
    enum End {
        /** The call returned or threw: see {@link #output()} and {@link #failure()}. */
        FINISHED,
        /** The call overran its timeout. */
        TIMED_OUT,
        /** A stop was requested and the call overran the shutdown grace period. */
        STOPPED
    }

    private boolean finished;
    private O output;
    private Throwable failure;
    private boolean stopRequested;

    /** The helper thread: the call returned {@code output}, or threw {@code failure} when not null. */
    synchronized void finish(O output, Throwable failure) {
        this.output = output;
        this.failure = failure;
        this.finished = true;
        notifyAll();
    }

    /** Any thread: the executor was stopped; the call gets the grace period from now on. */
    synchronized void requestStop() {
        stopRequested = true;
        notifyAll();
    }

    /**
     * Waits until the call finishes, at most {@code timeoutNanos}; once a stop is requested, at most
     * {@code graceNanos} more.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    synchronized End await(long timeoutNanos, long graceNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        Long stopDeadline = null;
        while (!finished) {
            long now = System.nanoTime();
            if (stopRequested && stopDeadline == null) {
                stopDeadline = now + graceNanos;
            }
            boolean stopFirst = stopDeadline != null && stopDeadline - deadline < 0;
            long remaining = (stopFirst ? stopDeadline : deadline) - now;
            if (remaining <= 0) {
                return stopFirst ? End.STOPPED : End.TIMED_OUT;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return End.FINISHED;
    }

    /** What the call returned (after {@link End#FINISHED} without a failure). */
    synchronized O output() {
        return output;
    }

    /** What the call threw, or {@code null} (after {@link End#FINISHED}). */
    synchronized Throwable failure() {
        return failure;
    }
}

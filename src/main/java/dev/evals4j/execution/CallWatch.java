package dev.evals4j.execution;

import java.util.concurrent.TimeUnit;

/**
 * The meeting point of a {@link SyncExecutor} run's call thread, which runs the items one after the
 * other, and the run's own thread, which only watches the deadlines: the call thread marks each
 * attempt's start and end, {@link SyncExecutor#stop()} reports a stop, and the run's thread waits
 * until the call thread ends its loop or an attempt overruns its timeout (or, after a stop, the
 * shutdown grace period). An attempt that ends in time costs two uncontended monitor entries and no
 * wake-up: the watcher sleeps until the deadline of the attempt it last saw, and when it wakes to
 * find another attempt running, it sleeps until that one's deadline.
 *
 * <p>An overrun attempt is {@linkplain #await abandoned} atomically with respect to its end: either
 * {@link #end()} wins (the attempt counts as finished, and the call thread goes on) or the watcher
 * does, and then the call thread's {@code end()} answers {@code false} and that thread must leave
 * the run's state alone: the watcher hands it to a new call thread.
 *
 * <p>Thread-safety: every field is guarded by this object's monitor. One call thread calls {@link
 * #begin}, {@link #end()} and {@link #loopEnded()}; any thread calls {@link #requestStop()}; the run's
 * thread calls {@link #await}.
 */
final class CallWatch {

    /** How an attempt was abandoned. */
    enum Overrun {
        /** It overran the timeout. */
        TIMED_OUT,
        /** A stop was requested and it overran the shutdown grace period, or the run's thread was interrupted. */
        STOPPED
    }

    /**
     * An attempt the watcher abandoned.
     *
     * @param item the attempt's item
     * @param attempt the attempt
     * @param startNanos when it started ({@link System#nanoTime()})
     * @param overrun why it was abandoned
     */
    record Abandoned(ItemRecord<?> item, Attempt attempt, long startNanos, Overrun overrun) {}

    private final long timeoutNanos;
    private final long graceNanos;
    private ItemRecord<?> item;
    private Attempt attempt;
    private long startNanos;
    private boolean running;
    private boolean abandoned;
    private boolean ended;
    private boolean stopRequested;
    /** Whether the running attempt's grace period started (a stop came), and when. */
    private boolean stopSeen;
    private long stopSeenNanos;
    private boolean watcherIdle;

    CallWatch(long timeoutNanos, long graceNanos, boolean stopRequested) {
        this.timeoutNanos = timeoutNanos;
        this.graceNanos = graceNanos;
        this.stopRequested = stopRequested;
    }

    /** The call thread: {@code attempt} of {@code item} starts now. */
    synchronized void begin(ItemRecord<?> item, Attempt attempt, long startNanos) {
        this.item = item;
        this.attempt = attempt;
        this.startNanos = startNanos;
        this.running = true;
        this.stopSeen = stopRequested;
        this.stopSeenNanos = startNanos;
        if (watcherIdle || stopRequested) {
            notifyAll();
        }
    }

    /**
     * The call thread: the attempt begun last returned. Answers {@code false} when the watcher
     * abandoned it first: the caller then leaves the run's state to the watcher and ends.
     */
    synchronized boolean end() {
        if (abandoned) {
            return false;
        }
        running = false;
        return true;
    }

    /** The call thread: its loop is over (no attempt runs and none will). */
    synchronized void loopEnded() {
        ended = true;
        notifyAll();
    }

    /** Any thread: the run was stopped; the attempt in progress gets the grace period from now on. */
    synchronized void requestStop() {
        stopRequested = true;
        if (running && !stopSeen) {
            stopSeen = true;
            stopSeenNanos = System.nanoTime();
        }
        notifyAll();
    }

    /**
     * The run's thread: waits until the call thread ends its loop ({@code null}) or abandons the
     * attempt in progress when it overruns its timeout or, after a stop, the grace period. When this
     * thread is interrupted, it calls {@code onInterrupt} (which stops the run), abandons the attempt
     * in progress at once, or else waits for the loop to end, and interrupts itself again before
     * returning.
     */
    synchronized Abandoned await(Runnable onInterrupt) {
        boolean interrupted = false;
        try {
            while (!ended) {
                long remaining = running ? remainingNanos(System.nanoTime()) : 0;
                if (running && (remaining <= 0 || interrupted)) {
                    abandoned = true;
                    boolean stopFirst = interrupted || stopSeen && stopSeenNanos + graceNanos - (startNanos + timeoutNanos) < 0;
                    return new Abandoned(item, attempt, startNanos, stopFirst ? Overrun.STOPPED : Overrun.TIMED_OUT);
                }
                watcherIdle = !running;
                try {
                    if (running) {
                        TimeUnit.NANOSECONDS.timedWait(this, remaining);
                    } else {
                        wait();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    onInterrupt.run();
                } finally {
                    watcherIdle = false;
                }
            }
            return null;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long the running attempt may still run: to its timeout, or to the end of the grace period after a stop. */
    private long remainingNanos(long now) {
        long deadline = startNanos + timeoutNanos;
        if (stopSeen && stopSeenNanos + graceNanos - deadline < 0) {
            deadline = stopSeenNanos + graceNanos;
        }
        return deadline - now;
    }
}

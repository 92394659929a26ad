package dev.evals4j.execution;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper thread on which one {@link SyncExecutor} run makes its calls, so that the run's thread
 * can stop waiting for a call that hangs: one daemon platform thread named
 * {@code evals4j-call-<n>}, started on the first call and reused while calls end in time, marked as
 * a worker thread (so that an executor nested inside a call runs on the call's thread, see
 * {@link ExecutorFactory}).
 *
 * <p>A call that overruns its timeout or the shutdown grace period is {@linkplain #abandon()
 * abandoned}: its thread is interrupted, and the next call gets a new thread. A call that ignores
 * the interrupt keeps its thread until it returns (its result is discarded); since every abandoned
 * thread belongs to one timed-out attempt, at most one thread per attempt can be left behind, and
 * being a daemon none keeps the JVM alive.
 *
 * <p>Used by the run's thread only; not thread-safe.
 */
final class CallThread implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ExecutorService thread;

    /** Starts {@code call} on the helper thread, starting a new helper if there is none. */
    void start(Runnable call) {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(body -> WorkerThreads.daemon(
                    "evals4j-call-" + THREADS.incrementAndGet(), body));
        }
        thread.execute(WorkerThreads.wrap(call));
    }

    /** Interrupts the call in progress and leaves its thread to end when the call returns. */
    void abandon() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    /** Lets the helper thread end (it is idle: every call was awaited or abandoned). */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
            thread = null;
        }
    }
}

package dev.evals4j.sim;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a {@link SimulatedProvider}: an unbounded executor for request handling (virtual
 * threads on Java 21+, reached reflectively because we compile for Java 17; otherwise a cached pool of
 * daemon threads), and a one-thread timer that only hands delayed answers to that executor. The
 * {@link SimulatorConfig.Personality#TYPICAL_PROVIDER} serves each request on a platform thread of its
 * own instead ({@link #newConnectionThreads()}).
 */
final class WorkerThreads {

    private WorkerThreads() {
    }

    /** An executor that never makes a request wait for a free thread. */
    static ExecutorService newRequestExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException beforeJava21) {
            return Executors.newCachedThreadPool(daemonThreads("evals4j-sim-worker-"));
        }
    }

    /**
     * A platform thread for every request being served at once (a cached pool of daemon threads named
     * {@code evals4j-sim-connection-N}): a request holds its thread while it waits out its latency, as in
     * a thread-per-connection server.
     */
    static ExecutorService newConnectionThreads() {
        return Executors.newCachedThreadPool(daemonThreads("evals4j-sim-connection-"));
    }

    /** A single daemon thread that fires delayed actions; cancelled actions are removed at once. */
    static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("evals4j-sim-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

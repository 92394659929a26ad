package dev.evals4j.execution;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ties one run to a JVM shutdown hook: while the run is active, SIGINT/SIGTERM calls the
 * executor's {@code stop()} and then waits (at most the grace period plus a second) for the run to
 * finish recording. Use with try-with-resources around the run. Thread-safe.
 */
final class StopGuard implements AutoCloseable {

    private static final Duration MARGIN = Duration.ofSeconds(1);

    private final ShutdownHooks hooks;
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    StopGuard(ShutdownHooks hooks, Runnable stop, Duration grace) {
        this.hooks = hooks;
        long waitMillis = grace.plus(MARGIN).toMillis();
        this.hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "evals4j-shutdown");
        hooks.add(hook);
    }

    /** The registered hook (for tests that play the JVM's part). */
    Thread hook() {
        return hook;
    }

    @Override
    public void close() {
        finished.countDown();
        hooks.remove(hook);
    }
}

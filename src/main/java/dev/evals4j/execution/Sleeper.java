package dev.evals4j.execution;

import java.time.Duration;

/**
 * Waits between attempts of a {@link SyncExecutor}. Injectable so that tests do not sleep.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
interface Sleeper {

    /**
     * Waits for {@code duration}, or less if woken.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}

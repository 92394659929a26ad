package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** How a {@link ResumeFeed} waits between its checks of the pairs other runners hold (tests wait on their own terms). */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface LeaseWait {

    /** Sleeps the thread. */
    LeaseWait SLEEP = wait -> Thread.sleep(wait.toMillis());

    /**
     * Waits about {@code wait}.
     *
     * @throws InterruptedException when the thread is interrupted (the executor stopping)
     */
    void await(Duration wait) throws InterruptedException;
}

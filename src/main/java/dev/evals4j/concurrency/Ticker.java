package dev.evals4j.concurrency;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * A monotonic nanosecond time source. Every time-dependent algorithm of evals4j reads time through a
 * {@code Ticker} so that tests can drive it deterministically instead of sleeping.
 *
 * <p>Implementations must be thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface Ticker {

    /** Returns the current value of this ticker, in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** The system's monotonic clock ({@link System#nanoTime()}). */
    static Ticker system() {
        return System::nanoTime;
    }
}

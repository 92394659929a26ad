package dev.evals4j.concurrency;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that only moves when a test advances it; shared by every time-driven test. Thread-safe. */
public final class ManualTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Moves time forward by {@code duration} and returns the new time. */
    public long advance(Duration duration) {
        return nanos.addAndGet(duration.toNanos());
    }

    /** Moves time forward by {@code millis} milliseconds and returns the new time. */
    public long advanceMillis(long millis) {
        return advance(Duration.ofMillis(millis));
    }

    /** Moves time forward by {@code seconds} seconds and returns the new time. */
    public long advanceSeconds(double seconds) {
        return nanos.addAndGet(Math.round(seconds * 1e9));
    }
}

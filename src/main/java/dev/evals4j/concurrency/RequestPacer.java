package dev.evals4j.concurrency;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Paces request <em>starts</em> (requests per second), independently of how many are in flight.
 * Providers limit requests and tokens per minute, so a pacer composes with any
 * {@link ConcurrencyStrategy}.
 *
 * <p>A pacer never blocks: {@link #tryAcquire()} answers at once, and a caller that must wait
 * schedules itself for later instead of sleeping on a shared thread.
 *
 * <p>Implementations must be thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public interface RequestPacer {

    /**
     * Takes a permit to start one request now, if one is available.
     *
     * @return {@code 0} if the request may start now (the permit is taken), otherwise the number of
     *     nanoseconds after which asking again may succeed (no permit is taken)
     */
    long tryAcquire();

    /** A request that started at {@code startNanos} (ticker time) succeeded. */
    void onSuccess(long startNanos);

    /** A request that started at {@code startNanos} was rejected by the provider's rate limit. */
    void onRateLimited(long startNanos);

    /** A pacer that never delays anything. */
    static RequestPacer unlimited() {
        return Unlimited.INSTANCE;
    }

    /** The pacer of {@link #unlimited()}. */
    enum Unlimited implements RequestPacer {
        /** The only instance. */
        INSTANCE;

        @Override
        public long tryAcquire() {
            return 0;
        }

        @Override
        public void onSuccess(long startNanos) {}

        @Override
        public void onRateLimited(long startNanos) {}
    }
}

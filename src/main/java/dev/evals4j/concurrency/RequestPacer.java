package dev.evals4j.concurrency;



import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.OptionalLong;
import org.apiguardian.api.API;
/**
 * Paces request <em>starts</em> (requests per second), independently of how many are in flight.
 * Providers limit requests and tokens per minute, so a pacer composes with any
 * {@link ConcurrencyStrategy}.
 *
 * <p>The methods with tokens let a pacer pace by tokens too ({@link RequestAndTokenPacer}): the
 * executor passes each call's estimated tokens, the tokens it reported using, and what a rate-limited
 * answer said about the token limit. By default they ignore the tokens and pace by requests alone.
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

    /**
     * Takes a permit to start one request estimated at {@code estimatedTokens} (its prompt's length in
     * tokens; {@code 0} when unknown), if one is available. By default the tokens are ignored.
     *
     * @return as {@link #tryAcquire()}
     */
    default long tryAcquire(long estimatedTokens) {
        return tryAcquire();
    }

    /**
     * A request that started at {@code startNanos}, estimated at {@code estimatedTokens}, succeeded,
     * having used {@code usedTokens} (prompt and completion) when it reported them. By default the tokens
     * are ignored.
     */
    default void onSuccess(long startNanos, long estimatedTokens, OptionalLong usedTokens) {
        onSuccess(startNanos);
    }

    /**
     * A request that started at {@code startNanos}, estimated at {@code estimatedTokens}, was rejected by
     * the provider's rate limit, whose answer said {@code tokens} about its token limit. By default the
     * tokens are ignored.
     */
    default void onRateLimited(long startNanos, long estimatedTokens, TokenLimitSignal tokens) {
        onRateLimited(startNanos);
    }

    /**
     * The rate at which this pacer admits request starts now, in requests per second; infinite while it
     * does not pace them. For charts and reports: reading it changes nothing. By default infinite.
     */
    default double requestsPerSecond() {
        return Double.POSITIVE_INFINITY;
    }

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

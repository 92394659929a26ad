package dev.evals4j.concurrency;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Decides how many calls may be in flight at once, from the outcomes of the calls made so far.
 *
 * <p>The executor asks {@link #limit()} before each dispatch and reports every finished attempt
 * through exactly one of the {@code on*} methods. A strategy reads time only through the
 * {@link Ticker} it was built with, so every algorithm is deterministic under a test ticker.
 *
 * <p>Implementations must be thread-safe: the executor may report outcomes from several threads.
 */
@API(status = INTERNAL, since = "0.1")
public interface ConcurrencyStrategy {

    /** The number of calls that may be in flight now; always at least 1. */
    int limit();

    /** A call that started at {@code startNanos} (ticker time) succeeded after {@code latencyNanos}. */
    void onSuccess(long startNanos, long latencyNanos);

    /** A call that started at {@code startNanos} failed with an ordinary (retryable or final) error. */
    void onError(long startNanos);

    /** A call that started at {@code startNanos} exceeded its timeout. */
    void onTimeout(long startNanos);

    /** A call that started at {@code startNanos} was rejected by the provider's rate limit. */
    void onRateLimited(long startNanos);

    /** A short name for logs, reports and benchmark tables, such as {@code adaptive}. */
    String name();
}

package dev.evals4j.execution;

import dev.evals4j.concurrency.ConcurrencyStrategy;
import java.util.concurrent.atomic.AtomicInteger;

/** A test strategy whose limit the test sets, and which counts the outcomes it was told about. */
final class SettableStrategy implements ConcurrencyStrategy {

    private final AtomicInteger limit;
    private final int limitAfterRateLimit;
    final AtomicInteger successes = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger timeouts = new AtomicInteger();
    final AtomicInteger rateLimits = new AtomicInteger();

    /** A fixed limit, until the test sets another. */
    SettableStrategy(int limit) {
        this(limit, limit);
    }

    /** A limit that drops to {@code limitAfterRateLimit} on the first rate limit (an AIMD-like collapse). */
    SettableStrategy(int limit, int limitAfterRateLimit) {
        this.limit = new AtomicInteger(limit);
        this.limitAfterRateLimit = limitAfterRateLimit;
    }

    void setLimit(int newLimit) {
        limit.set(newLimit);
    }

    @Override
    public int limit() {
        return limit.get();
    }

    @Override
    public void onSuccess(long startNanos, long latencyNanos) {
        successes.incrementAndGet();
    }

    @Override
    public void onError(long startNanos) {
        errors.incrementAndGet();
    }

    @Override
    public void onTimeout(long startNanos) {
        timeouts.incrementAndGet();
    }

    @Override
    public void onRateLimited(long startNanos) {
        rateLimits.incrementAndGet();
        limit.set(limitAfterRateLimit);
    }

    @Override
    public String name() {
        return "settable";
    }
}

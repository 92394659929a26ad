package dev.evals4j.sim;

import dev.evals4j.concurrency.Ticker;
import java.util.Objects;

/**
 * The provider side of a {@link RateLimit}: a token bucket that starts full, refills along the limit's
 * schedule and admits a request when it holds a whole token.
 *
 * <p>Time is read from a {@link Ticker}; the schedule is relative to the instant the bucket was built.
 * Thread-safe: every method is synchronized on the bucket, which owns its token count.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final RateLimit limit;
    private final Ticker ticker;
    private final long startNanos;
    private double tokens;
    private double lastRefillSeconds;

    /**
     * Creates a full bucket whose schedule starts now.
     *
     * @param limit the limit to enforce
     * @param ticker the time source
     */
    TokenBucket(RateLimit limit, Ticker ticker) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.startNanos = ticker.nanoTime();
        this.tokens = limit.burst();
    }

    /**
     * Takes a token if one is available.
     *
     * @return {@code 0} if the request is admitted (a token is taken), otherwise the wait to announce in
     *     nanoseconds (nothing is taken): until a token is expected at the current rate, or the limit's
     *     {@link RateLimit#minRetryAfter()} when longer; always positive when the request is rejected
     */
    synchronized long tryAcquire() {
        if (limit.isUnlimited()) {
            return 0;
        }
        double now = refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double secondsToNextToken = (1 - tokens) / limit.rateAt(now);
        long untilNextToken = Math.max(1, (long) Math.ceil(secondsToNextToken * NANOS_PER_SECOND));
        return Math.max(untilNextToken, limit.minRetryAfter().toNanos());
    }

    /** The tokens the bucket holds now, after refilling. */
    synchronized double availableTokens() {
        if (limit.isUnlimited()) {
            return Double.POSITIVE_INFINITY;
        }
        refill();
        return tokens;
    }

    private double refill() {
        double now = (ticker.nanoTime() - startNanos) / NANOS_PER_SECOND;
        tokens = Math.min(limit.burst(), tokens + limit.permitsBetween(lastRefillSeconds, now));
        lastRefillSeconds = Math.max(lastRefillSeconds, now);
        return now;
    }
}

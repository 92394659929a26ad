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
        return tryAcquire(1);
    }

    /**
     * Takes {@code permits} tokens at once if the bucket holds them, as a tokens-per-minute limit charges
     * a request's tokens.
     *
     * @param permits the tokens to take, at least 1 and at most the burst (a larger charge could never be paid)
     * @return {@code 0} if the tokens are taken, otherwise the wait to announce in nanoseconds (nothing is
     *     taken): until the bucket is expected to hold {@code permits}, or the limit's
     *     {@link RateLimit#minRetryAfter()} when longer
     */
    synchronized long tryAcquire(long permits) {
        if (limit.isUnlimited()) {
            return 0;
        }
        if (permits < 1 || permits > limit.burst()) {
            throw new IllegalArgumentException("permits must be in [1, " + limit.burst() + "] (the burst), got "
                    + permits);
        }
        double now = refill();
        if (tokens >= permits) {
            tokens -= permits;
            return 0;
        }
        double secondsToNextToken = (permits - tokens) / limit.rateAt(now);
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

    /** How long the bucket takes to refill to its burst at the current rate; zero when full or unlimited. */
    synchronized double secondsUntilFull() {
        if (limit.isUnlimited()) {
            return 0;
        }
        double now = refill();
        return Math.max(0, limit.burst() - tokens) / limit.rateAt(now);
    }

    private double refill() {
        double now = (ticker.nanoTime() - startNanos) / NANOS_PER_SECOND;
        tokens = Math.min(limit.burst(), tokens + limit.permitsBetween(lastRefillSeconds, now));
        lastRefillSeconds = Math.max(lastRefillSeconds, now);
        return now;
    }
}

package dev.evals4j.sim;

import java.time.Duration;
import java.util.List;

/**
 * A provider's tokens-per-minute limit: a bucket of {@code burst} tokens that refills at
 * {@code tokensPerMinute / 60} tokens a second. A request is charged its prompt and completion tokens
 * (counted as in the answer's {@code usage}) when it is admitted; a request that the bucket cannot pay
 * is answered {@code 429} with the wait until it could, and one that costs more than the burst could
 * never be paid and is answered {@code 400}.
 *
 * <p>OpenAI's bucket holds a whole minute of tokens; a smaller burst makes a short run meet the limit
 * without first spending a minute's worth.
 *
 * @param tokensPerMinute the refill rate, positive; {@link Long#MAX_VALUE} for no limit
 * @param burst the bucket's capacity in tokens, at least 1
 */
record TokenLimit(long tokensPerMinute, int burst) {

    private static final double SECONDS_PER_MINUTE = 60;

    /** Validates. */
    TokenLimit {
        if (tokensPerMinute < 1) {
            throw new IllegalArgumentException("tokensPerMinute must be positive, got " + tokensPerMinute);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("token burst must be at least 1, got " + burst);
        }
    }

    /** No token limit. */
    static TokenLimit unlimited() {
        return new TokenLimit(Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Whether every request is admitted whatever its tokens. */
    boolean isUnlimited() {
        return tokensPerMinute == Long.MAX_VALUE;
    }

    /** The limit as a rate of tokens per second, for a {@link TokenBucket}. */
    RateLimit asRate() {
        return isUnlimited() ? RateLimit.unlimited()
                : new RateLimit(tokensPerMinute / SECONDS_PER_MINUTE, burst, List.of(), Duration.ZERO);
    }
}

package dev.evals4j.sim;

import dev.evals4j.concurrency.Ticker;
import java.util.function.BiConsumer;

/**
 * The provider side of a {@link TokenLimit}: charges each admitted request its prompt and completion
 * tokens and writes the token headers OpenAI sends with every answer ({@code x-ratelimit-limit-tokens},
 * the bucket's rate per minute; {@code x-ratelimit-remaining-tokens}, what it holds now;
 * {@code x-ratelimit-reset-tokens}, the time until it is full again).
 *
 * <p>Thread-safe: its state is the {@link TokenBucket}, which guards itself.
 */
final class TokenLimiter {

    private static final long MILLIS_PER_SECOND = 1_000;

    private final TokenLimit limit;
    private final TokenBucket bucket;

    TokenLimiter(TokenLimit limit, Ticker ticker) {
        this.limit = limit;
        this.bucket = new TokenBucket(limit.asRate(), ticker);
    }

    /** The tokens a request costs: its prompt's and its reply's, four characters a token, as {@code usage} counts them. */
    static long cost(String prompt, String reply) {
        return ChatBodies.roughTokens(prompt) + ChatBodies.roughTokens(reply);
    }

    /** Whether a request of {@code cost} tokens could ever be paid: it is at most the burst. */
    boolean canEverPay(long cost) {
        return limit.isUnlimited() || cost <= limit.burst();
    }

    /**
     * Charges {@code cost} tokens if the bucket holds them.
     *
     * @param cost the request's tokens, at most the burst ({@link #canEverPay})
     * @return {@code 0} if charged, otherwise the wait in nanoseconds until the bucket could pay
     */
    long tryCharge(long cost) {
        return limit.isUnlimited() ? 0 : bucket.tryAcquire(cost);
    }

    /** The burst, the most a request may cost. */
    int burst() {
        return limit.burst();
    }

    /** Writes the three token headers, if a token limit is configured. */
    void writeHeaders(BiConsumer<String, String> header) {
        if (limit.isUnlimited()) {
            return;
        }
        header.accept("x-ratelimit-limit-tokens", Long.toString(limit.tokensPerMinute()));
        header.accept("x-ratelimit-remaining-tokens", Long.toString((long) Math.max(0, bucket.availableTokens())));
        long resetMillis = (long) Math.ceil(bucket.secondsUntilFull() * MILLIS_PER_SECOND);
        header.accept("x-ratelimit-reset-tokens", RateLimitHeaders.resetDuration(resetMillis));
    }
}

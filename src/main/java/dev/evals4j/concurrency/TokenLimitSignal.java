package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * What a rate-limited answer said about the provider's token limit, read from the headers OpenAI sends
 * ({@code x-ratelimit-limit-tokens}: tokens per minute; {@code x-ratelimit-remaining-tokens}: tokens
 * left in the provider's bucket). A rate limit whose remaining tokens cannot pay for the call was bound
 * by tokens, not by requests.
 *
 * @param limitPerMinute the provider's tokens per minute, if it said
 * @param remaining the tokens the provider had left, if it said
 */
@API(status = INTERNAL, since = "0.1")
public record TokenLimitSignal(OptionalLong limitPerMinute, OptionalLong remaining) {

    private static final TokenLimitSignal NONE = new TokenLimitSignal(OptionalLong.empty(), OptionalLong.empty());

    /** Validates. */
    public TokenLimitSignal {
        Objects.requireNonNull(limitPerMinute, "limitPerMinute");
        Objects.requireNonNull(remaining, "remaining");
    }

    /** A rate limit that said nothing about tokens. */
    public static TokenLimitSignal none() {
        return NONE;
    }

    /** Whether a call of {@code tokens} was rejected for want of tokens: the provider had fewer left. */
    public boolean exhaustedBy(double tokens) {
        return remaining.isPresent() && remaining.getAsLong() < Math.max(1, tokens);
    }
}

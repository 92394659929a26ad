package dev.evals4j.execution;

import dev.evals4j.concurrency.TokenLimitSignal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads what a rate-limited failure says about the provider's token limit: the headers OpenAI sends,
 * {@code x-ratelimit-limit-tokens} (tokens per minute) and {@code x-ratelimit-remaining-tokens}, from
 * the first exception of the cause chain that exposes them (through a {@code headers()}-like method or
 * a wrapped {@link java.net.http.HttpResponse}, as {@link HttpSignals} finds headers). Stateless.
 */
final class TokenHeaders {

    static final String LIMIT = "x-ratelimit-limit-tokens";
    static final String REMAINING = "x-ratelimit-remaining-tokens";

    private TokenHeaders() {}

    /** The token signal of {@code failure}; {@link TokenLimitSignal#none()} when nothing in its cause chain says. */
    static TokenLimitSignal read(Throwable failure) {
        for (Throwable t : HttpSignals.causeChain(failure)) {
            OptionalLong remaining = number(HttpSignals.header(t, REMAINING));
            OptionalLong limit = number(HttpSignals.header(t, LIMIT));
            if (remaining.isPresent() || limit.isPresent()) {
                return new TokenLimitSignal(limit, remaining);
            }
        }
        return TokenLimitSignal.none();
    }

    private static OptionalLong number(Optional<String> value) {
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.get().strip());
            return number < 0 ? OptionalLong.empty() : OptionalLong.of(number);
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }
}

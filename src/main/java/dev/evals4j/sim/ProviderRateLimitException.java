package dev.evals4j.sim;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider rejected a chat request with {@code 429 Too Many Requests}.
 *
 * <p>{@link #statusCode()} is always {@code 429} and {@link #retryAfter()} carries the wait the
 * provider asked for ({@code retry-after-ms} or {@code Retry-After}), when it sent one. The executor's
 * rate-limit classifier recognises both accessors by name, so this type needs no dependency on it.
 */
final class ProviderRateLimitException extends ProviderHttpException {

    private static final long serialVersionUID = 1L;

    /** The status of a rate-limited answer. */
    public static final int TOO_MANY_REQUESTS = 429;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the endpoint and an excerpt of the body
     * @param retryAfter the wait the provider asked for, or {@code null} if it named none
     */
    public ProviderRateLimitException(String message, Duration retryAfter) {
        super(TOO_MANY_REQUESTS, message);
        this.retryAfter = retryAfter;
    }

    /** Creates the exception for an answer that named no wait. */
    public ProviderRateLimitException(String message) {
        this(message, null);
    }

    /** The wait the provider asked for before the next attempt, if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

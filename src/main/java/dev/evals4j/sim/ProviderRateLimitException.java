package dev.evals4j.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider rejected a chat request with {@code 429 Too Many Requests}.
 *
 * <p>{@link #statusCode()} is always {@code 429} and {@link #retryAfter()} carries the wait the
 * provider asked for ({@code retry-after-ms} or {@code Retry-After}), when it sent one. The executor's
 * rate-limit classifier recognises both accessors by name, so this type needs no dependency on it;
 * it reads {@link #headers()} the same way for the token headers of a tokens-per-minute limit
 * ({@code x-ratelimit-remaining-tokens}, {@code x-ratelimit-reset-tokens}, {@code x-ratelimit-limit-tokens}).
 */
final class ProviderRateLimitException extends ProviderHttpException {

    private static final long serialVersionUID = 1L;

    /** The status of a rate-limited answer. */
    public static final int TOO_MANY_REQUESTS = 429;

    private final Duration retryAfter;
    private final transient Map<String, List<String>> headers;

    /**
     * Creates the exception.
     *
     * @param message what happened, with the endpoint and an excerpt of the body
     * @param retryAfter the wait the provider asked for, or {@code null} if it named none
     */
    public ProviderRateLimitException(String message, Duration retryAfter) {
        this(message, retryAfter, Map.of());
    }

    /**
     * Creates the exception with the answer's headers.
     *
     * @param message what happened, with the endpoint and an excerpt of the body
     * @param retryAfter the wait the provider asked for, or {@code null} if it named none
     * @param headers the answer's headers, by name
     */
    public ProviderRateLimitException(String message, Duration retryAfter, Map<String, List<String>> headers) {
        super(TOO_MANY_REQUESTS, message);
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    /** Creates the exception for an answer that named no wait. */
    public ProviderRateLimitException(String message) {
        this(message, null);
    }

    /** The wait the provider asked for before the next attempt, if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The headers of the {@code 429} answer, by name (empty when not known). */
    public Map<String, List<String>> headers() {
        return headers == null ? Map.of() : headers;
    }
}

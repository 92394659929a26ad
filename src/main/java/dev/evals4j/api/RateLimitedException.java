package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Thrown by a task (or a client) when a provider rejected a call because of its rate limit.
 * Executors requeue the item without spending an attempt of the retry budget, after
 * {@link #retryAfter()} when known.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /** A rate limit without a known wait. */
    public RateLimitedException(String message) {
        this(message, null, null);
    }

    /**
     * A rate limit.
     *
     * @param message what was rejected
     * @param retryAfter how long the provider asked to wait, or {@code null} if it did not say
     * @param cause the underlying failure, or {@code null}
     */
    public RateLimitedException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        String base = super.toString();
        return retryAfter == null ? base : base + " (retry after " + Objects.toString(retryAfter) + ")";
    }
}

package dev.evals4j.execution;

import dev.evals4j.api.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a failure was a provider's rate limit, and how long the provider asked to wait.
 *
 * <p>{@link #defaults()} knows the common shapes; a custom classifier can handle a client it does
 * not know and delegate the rest: {@code t -> mine(t).or(() -> defaults().classify(t))}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
interface RateLimitClassifier {

    /**
     * Classifies a failure.
     *
     * @return the rate limit, or empty when {@code failure} is not one
     */
    Optional<RateLimit> classify(Throwable failure);

    /**
     * The built-in classifier. Along the cause chain it recognises: {@link RateLimitedException};
     * an HTTP status 429 exposed by a {@code statusCode()}, {@code getStatusCode()}, {@code status()}
     * or {@code code()} method; a wrapped {@link java.net.http.HttpResponse} with status 429; and
     * any exception whose class name contains {@code RateLimit} or {@code TooManyRequests} (OpenAI
     * Java's and LangChain4j's {@code RateLimitException}, for example). The wait comes from
     * {@link RateLimitedException#retryAfter()}, a {@code retryAfter()} method (a {@link Duration}
     * or seconds), or a {@code Retry-After} / {@code retry-after-ms} header where headers are
     * exposed.
     */
    static RateLimitClassifier defaults() {
        return DefaultRateLimitClassifier.INSTANCE;
    }

    /**
     * A recognised rate limit.
     *
     * @param retryAfter how long the provider asked to wait, if it said
     */
    record RateLimit(Optional<Duration> retryAfter) {

        /** Validates. */
        public RateLimit {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}

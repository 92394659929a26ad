package dev.evals4j.execution;

import dev.evals4j.api.RateLimitedException;
import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a rate limit on one exception: {@link RateLimitedException}; an HTTP status 429 exposed
 * by a {@code statusCode()}, {@code getStatusCode()}, {@code status()} or {@code code()} method or by a
 * wrapped {@link java.net.http.HttpResponse}; and any exception whose class name contains
 * {@code RateLimit} or {@code TooManyRequests} (OpenAI Java's and LangChain4j's
 * {@code RateLimitException}, Spring's {@code HttpClientErrorException.TooManyRequests}). The wait
 * comes from {@link RateLimitedException#retryAfter()}, a {@code retryAfter()} method, or the
 * headers {@link HttpSignals#retryAfter} reads. Stateless.
 */
enum RateLimits implements FailureClassifier {
    INSTANCE;

    private static final int TOO_MANY_REQUESTS = 429;

    @Override
    public Optional<Classification> classify(Throwable failure) {
        return isRateLimit(failure) ? Optional.of(Classification.rateLimited(retryAfter(failure))) : Optional.empty();
    }

    private static boolean isRateLimit(Throwable t) {
        if (t instanceof RateLimitedException) {
            return true;
        }
        if (t instanceof Error) {
            return false;
        }
        if (HttpSignals.status(t).orElse(0) == TOO_MANY_REQUESTS) {
            return true;
        }
        String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return name.contains("ratelimit") || name.contains("toomanyrequests");
    }

    private static Optional<Duration> retryAfter(Throwable t) {
        if (t instanceof RateLimitedException limited && limited.retryAfter().isPresent()) {
            return limited.retryAfter();
        }
        return HttpSignals.retryAfter(t);
    }
}

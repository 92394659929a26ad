package dev.evals4j.execution;

import dev.evals4j.api.spi.Classification;
import java.util.Optional;

/**
 * What an HTTP status says about a failed call: 429 a rate limit (wait unknown), 408 and 5xx
 * transient, any other 4xx permanent; anything else (no status, 1xx to 3xx) nothing. Stateless.
 */
final class HttpStatuses {

    private HttpStatuses() {}

    /** The classification of {@code status}, empty when it says nothing. */
    static Optional<Classification> classify(int status) {
        if (status == 429) {
            return Optional.of(Classification.rateLimited());
        }
        if (status == 408 || status >= 500 && status <= 599) {
            return Optional.of(Classification.transientError());
        }
        if (status >= 400 && status <= 499) {
            return Optional.of(Classification.permanent());
        }
        return Optional.empty();
    }
}

package dev.evals4j.engine.run;

import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import java.time.Duration;
import java.util.Optional;

/**
 * Registered through {@code META-INF/services} in the test resources: answers only for a
 * {@link Marked} failure, so that no other test sees it.
 */
public final class RegisteredClassifier implements FailureClassifier {

    /** The only failure this classifier knows. */
    static final class Marked extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Optional<Classification> classify(Throwable failure) {
        return failure instanceof Marked ? Optional.of(Classification.rateLimited(Duration.ofSeconds(7)))
                : Optional.empty();
    }
}

package dev.evals4j.execution;

import dev.evals4j.api.spi.FailureClassifier;
import java.util.List;

/**
 * The engine's own classifiers, asked after the user's, in this order: rate limits first (wherever
 * they sit in the cause chain), then what the known clients say about their exceptions, then the
 * generic rules for exceptions of any origin. Stateless.
 */
final class BuiltInClassifiers {

    /** The built-in classifiers, in the order they are asked. */
    static final List<FailureClassifier> ALL =
            List.of(RateLimits.INSTANCE, KnownClients.INSTANCE, GenericFailures.INSTANCE);

    private BuiltInClassifiers() {}
}

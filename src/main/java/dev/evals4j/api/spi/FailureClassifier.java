package dev.evals4j.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Tells the engine what a failed attempt means: the provider rate-limited it, it failed for a
 * transient reason, or it failed for good. A suite author writes one for an LLM client (or an
 * exception of their own) that the engine does not recognise:
 *
 * <pre>{@code
 * public final class MyClientClassifier implements FailureClassifier {
 *     public Optional<Classification> classify(Throwable failure) {
 *         if (failure instanceof MyClient.QuotaException quota) {
 *             return Optional.of(Classification.rateLimited(quota.retryAfter()));
 *         }
 *         return Optional.empty(); // not mine: ask the next classifier
 *     }
 * }
 * }</pre>
 *
 * <p>The engine asks every exception of the failure's cause chain, outermost first, and asks the
 * classifiers in this order: those a method names ({@code @ForEach(classifiers = ...)}), those the
 * {@code evals4j.classifiers} configuration parameter names, those registered through
 * {@link java.util.ServiceLoader} (the file {@code META-INF/services/dev.evals4j.api.spi.FailureClassifier}),
 * and last the engine's own, which know LangChain4j, Spring AI, the OpenAI Java SDK, the JDK's
 * {@code HttpClient} and the API's {@code RateLimitedException}. The first answer wins; a failure
 * that no classifier recognises is permanent. A classifier named by a method or the configuration needs a
 * public no-argument constructor.
 *
 * <p>Implementations must be thread-safe and fast: the engine calls them for every failed attempt.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface FailureClassifier {

    /**
     * Classifies one exception of a failure's cause chain.
     *
     * @param failure the exception (the engine passes each one of the cause chain in turn)
     * @return what the failure means, or empty when this classifier does not know it
     */
    Optional<Classification> classify(Throwable failure);
}

package dev.evals4j.execution;

import dev.evals4j.api.spi.Classification;
import dev.evals4j.api.spi.FailureClassifier;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the LLM clients evals4j knows say about their own exceptions, recognised by class name so that
 * none of them is a dependency (their rate-limit exceptions are {@link RateLimits}' job, asked first):
 * <ul>
 *   <li>LangChain4j: the {@code RetriableException} family ({@code InternalServerException},
 *       {@code TimeoutException}...) is transient, the {@code NonRetriableException} family
 *       ({@code AuthenticationException}, {@code InvalidRequestException}...) permanent;</li>
 *   <li>the OpenAI Java SDK: {@code OpenAIIoException} (connection failures and timeouts) and
 *       {@code OpenAIRetryableException} are transient;</li>
 *   <li>Spring AI: {@code TransientAiException} and {@code NonTransientAiException} carry the status at
 *       the start of their message ({@code "429 - ..."}): 429 is a rate limit (with the wait the response
 *       body asks for, if it says "try again in ..."), 408 and
 *       5xx are transient, other statuses keep the exception's own verdict; Spring's
 *       {@code ResourceAccessException} and {@code WebClientRequestException} (I/O failures) are transient.</li>
 * </ul>
 * Stateless.
 */
enum KnownClients implements FailureClassifier {
    INSTANCE;

    private static final Pattern LEADING_STATUS = Pattern.compile("^(\\d{3}) - ");

    @Override
    public Optional<Classification> classify(Throwable t) {
        if (isA(t, "dev.langchain4j.exception.RetriableException")) {
            return Optional.of(Classification.transientError());
        }
        if (isA(t, "dev.langchain4j.exception.NonRetriableException")) {
            return Optional.of(Classification.permanent());
        }
        if (isA(t, "com.openai.errors.OpenAIIoException") || isA(t, "com.openai.errors.OpenAIRetryableException")) {
            return Optional.of(Classification.transientError());
        }
        if (isA(t, "org.springframework.ai.retry.TransientAiException")) {
            return Optional.of(springAi(t).orElse(Classification.transientError()));
        }
        if (isA(t, "org.springframework.ai.retry.NonTransientAiException")) {
            return Optional.of(springAi(t).orElse(Classification.permanent()));
        }
        if (isA(t, "org.springframework.web.client.ResourceAccessException")
                || isA(t, "org.springframework.web.reactive.function.client.WebClientRequestException")) {
            return Optional.of(Classification.transientError());
        }
        return Optional.empty();
    }

    /** What the status at the start of a Spring AI exception's message says: rate limit or transient; else empty. */
    private static Optional<Classification> springAi(Throwable t) {
        Matcher status = LEADING_STATUS.matcher(t.getMessage() == null ? "" : t.getMessage());
        if (!status.find()) {
            return Optional.empty();
        }
        return HttpStatuses.classify(Integer.parseInt(status.group(1)))
                .filter(c -> c.kind() != Classification.Kind.PERMANENT)
                .map(c -> c.isRateLimited() ? Classification.rateLimited(HttpSignals.waitInMessage(t)) : c);
    }

    /** Whether {@code t}'s class is, or extends, the class named {@code className}. */
    private static boolean isA(Throwable t, String className) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}

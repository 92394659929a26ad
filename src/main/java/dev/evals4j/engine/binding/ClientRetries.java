package dev.evals4j.engine.binding;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Recognises a fixture value that is an LLM client retrying failed calls on its own, and names the
 * setting that turns those retries off. A client that retries behind the engine's back hides its 429s
 * (and their {@code Retry-After}) from the rate limiter and spends its own back-off on them.
 *
 * <p>Recognised by class name and reflection, so that none of the clients is a dependency of evals4j:
 * <ul>
 *   <li>a LangChain4j model ({@code dev.langchain4j.*}) whose {@code maxRetries} field is above 0;</li>
 *   <li>an OpenAI Java SDK client ({@code com.openai.*}) whose {@code clientOptions.maxRetries()} is above 0;</li>
 *   <li>a Spring {@code RetryTemplate}, or a Spring AI model ({@code org.springframework.ai.*}) holding one,
 *       whose retry policy allows more than one attempt.</li>
 * </ul>
 * A value whose fields cannot be read (a client on the module path that does not open them) is not
 * reported. Stateless.
 */
final class ClientRetries {

    private static final String RETRY_TEMPLATE = "org.springframework.retry.support.RetryTemplate";
    private static final String SPRING_ADVICE = "give it RetryTemplate.builder().maxAttempts(1).build() "
            + "(Spring Boot: spring.ai.retry.max-attempts=1)";

    private static final List<Function<Object, Optional<String>>> RECOGNISERS =
            List.of(ClientRetries::langChain4j, ClientRetries::openAiJava, ClientRetries::springAi);

    private ClientRetries() {}

    /**
     * What {@code value} retries on its own and how to turn it off, or empty when it is not a client
     * known to retry (or its retries are already off).
     */
    static Optional<String> warning(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Function<Object, Optional<String>> recogniser : RECOGNISERS) {
            try {
                Optional<String> found = recogniser.apply(value);
                if (found.isPresent()) {
                    return found;
                }
            } catch (RuntimeException unreadable) {
                // A field or method that is not accessible: the client is not recognised.
            }
        }
        return Optional.empty();
    }

    private static Optional<String> langChain4j(Object value) {
        if (!value.getClass().getName().startsWith("dev.langchain4j.")) {
            return Optional.empty();
        }
        return field(value, "maxRetries")
                .filter(retries -> retries instanceof Integer n && n > 0)
                .map(retries -> {
                    String model = value.getClass().getSimpleName();
                    return "LangChain4j's " + model + " retries failed calls itself (maxRetries = " + retries
                            + "), so its 429s and their Retry-After never reach evals4j's rate limiter; build it with "
                            + model + ".builder().maxRetries(0)";
                });
    }

    private static Optional<String> openAiJava(Object value) {
        if (!value.getClass().getName().startsWith("com.openai.")) {
            return Optional.empty();
        }
        return field(value, "clientOptions")
                .flatMap(options -> call(options, "maxRetries"))
                .filter(retries -> retries instanceof Integer n && n > 0)
                .map(retries -> "the OpenAI Java client retries failed calls itself (maxRetries = " + retries
                        + "), so its 429s never reach evals4j's rate limiter; build it with "
                        + "OpenAIOkHttpClient.builder().maxRetries(0)");
    }

    private static Optional<String> springAi(Object value) {
        if (isRetryTemplate(value.getClass())) {
            return attempts(value).map(attempts -> "this Spring RetryTemplate retries failed calls (" + attempts
                    + " attempts), so the 429s of the model using it never reach evals4j's rate limiter; "
                    + SPRING_ADVICE);
        }
        if (!value.getClass().getName().startsWith("org.springframework.ai.")) {
            return Optional.empty();
        }
        for (Field field : ReflectionSupport.findFields(value.getClass(), f -> isRetryTemplate(f.getType()),
                HierarchyTraversalMode.BOTTOM_UP)) {
            Optional<Integer> attempts = ReflectionSupport.tryToReadFieldValue(field, value).toOptional()
                    .flatMap(ClientRetries::attempts);
            if (attempts.isPresent()) {
                return Optional.of("Spring AI's " + value.getClass().getSimpleName()
                        + " retries failed calls with its RetryTemplate (" + attempts.get()
                        + " attempts), so its 429s never reach evals4j's rate limiter; " + SPRING_ADVICE);
            }
        }
        return Optional.empty();
    }

    /** The attempts a RetryTemplate's policy allows, when more than one (a policy without a maximum is not reported). */
    private static Optional<Integer> attempts(Object template) {
        return field(template, "retryPolicy")
                .flatMap(policy -> call(policy, "getMaxAttempts"))
                .filter(attempts -> attempts instanceof Integer n && n > 1)
                .map(Integer.class::cast);
    }

    private static boolean isRetryTemplate(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(RETRY_TEMPLATE)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Object> field(Object target, String name) {
        return ReflectionSupport.findFields(target.getClass(), f -> f.getName().equals(name),
                        HierarchyTraversalMode.BOTTOM_UP).stream()
                .findFirst()
                .flatMap(f -> ReflectionSupport.tryToReadFieldValue(f, target).toOptional());
    }

    private static Optional<Object> call(Object target, String name) {
        return ReflectionSupport.findMethod(target.getClass(), name)
                .map((Method method) -> ReflectionSupport.invokeMethod(method, target));
    }
}

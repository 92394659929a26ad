package dev.evals4j.execution;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTTP facts (status code, {@code Retry-After}, {@code retry-after-ms},
 * {@code x-ratelimit-reset-requests}, any header by name, the wait an OpenAI-style message asks for)
 * from exceptions of clients evals4j does not depend on, by looking for conventionally named
 * no-argument methods. Every lookup is
 * best-effort: a method that is missing, inaccessible or throws yields nothing. Stateless.
 */
final class HttpSignals {

    private static final int MAX_CAUSES = 32;
    private static final Pattern TRY_AGAIN_IN =
            Pattern.compile("(?i)try again in ((?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+)\\b");
    private static final List<String> STATUS_METHODS = List.of("statusCode", "getStatusCode", "status", "code");
    private static final List<String> RETRY_AFTER_METHODS = List.of("retryAfter", "getRetryAfter");
    private static final List<String> HEADER_METHODS =
            List.of("headers", "getHeaders", "responseHeaders", "getResponseHeaders");
    private static final List<String> RESPONSE_METHODS = List.of("response", "getResponse", "httpResponse");

    private HttpSignals() {}

    /** {@code failure}, its cause, the cause's cause, and so on (cycles and very deep chains cut). */
    static List<Throwable> causeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The HTTP status that {@code t} itself exposes (not its causes), if any. */
    static OptionalInt status(Throwable t) {
        for (String name : STATUS_METHODS) {
            Optional<Integer> status = call(t, name).flatMap(HttpSignals::asStatus);
            if (status.isPresent()) {
                return OptionalInt.of(status.get());
            }
        }
        return response(t).map(r -> OptionalInt.of(r.statusCode())).orElse(OptionalInt.empty());
    }

    /** The wait that {@code t} itself asks for, from a retry-after method or a response header. */
    static Optional<Duration> retryAfter(Throwable t) {
        for (String name : RETRY_AFTER_METHODS) {
            Optional<Duration> wait = call(t, name).flatMap(HttpSignals::asDuration);
            if (wait.isPresent()) {
                return wait;
            }
        }
        for (String name : HEADER_METHODS) {
            Optional<Duration> wait = call(t, name).flatMap(HttpSignals::fromHeaders);
            if (wait.isPresent()) {
                return wait;
            }
        }
        return response(t).flatMap(r -> fromHeaders(r.headers())).or(() -> waitInMessage(t));
    }

    /**
     * The wait that {@code t}'s own message asks for in OpenAI's words ({@code "... Please try again in
     * 1.5s."}, {@code "in 20ms"}, {@code "in 6m0s"}), which clients that keep no headers (LangChain4j,
     * Spring AI) still carry in the message they copy from the response body; empty when the message
     * says nothing of the kind.
     */
    static Optional<Duration> waitInMessage(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        Matcher wait = TRY_AGAIN_IN.matcher(message);
        return wait.find() ? RetryAfter.resetDuration(wait.group(1)) : Optional.empty();
    }

    /** The first value of the header {@code name} (lower case) of the response {@code t} itself exposes, if any. */
    static Optional<String> header(Throwable t, String name) {
        for (String method : HEADER_METHODS) {
            Optional<String> value = call(t, method).flatMap(headers -> headerValue(headers, name));
            if (value.isPresent()) {
                return value;
            }
        }
        return response(t).flatMap(r -> header(r.headers().map(), name));
    }

    private static Optional<String> headerValue(Object headers, String name) {
        if (headers instanceof HttpHeaders http) {
            return header(http.map(), name);
        }
        if (headers instanceof Map<?, ?> map) {
            return header(map, name);
        }
        return valuesMethod(headers).flatMap(values -> firstValue(values, headers, name));
    }

    private static Optional<HttpResponse<?>> response(Throwable t) {
        for (String name : RESPONSE_METHODS) {
            Optional<Object> value = call(t, name);
            if (value.isPresent() && value.get() instanceof HttpResponse<?> response) {
                return Optional.of(response);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> asStatus(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.intValue());
        }
        // Spring's HttpStatusCode and similar wrappers expose value().
        return call(value, "value").filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
    }

    private static Optional<Duration> asDuration(Object value) {
        Object unwrapped = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        if (unwrapped instanceof Duration duration) {
            return duration.isNegative() ? Optional.empty() : Optional.of(duration);
        }
        if (unwrapped instanceof Number seconds && seconds.doubleValue() >= 0) {
            return Optional.of(Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)));
        }
        if (unwrapped instanceof String text) {
            return RetryAfter.parse(text, Instant.now());
        }
        return Optional.empty();
    }

    private static Optional<Duration> fromHeaders(Object headers) {
        if (headers instanceof HttpHeaders http) {
            return RetryAfter.fromHeaders(name -> header(http.map(), name), Instant.now());
        }
        if (headers instanceof Map<?, ?> map) {
            return RetryAfter.fromHeaders(name -> header(map, name), Instant.now());
        }
        // The OpenAI Java SDK's Headers (case-insensitive) and similar multi-maps expose values(String).
        return valuesMethod(headers).flatMap(values -> RetryAfter.fromHeaders(name -> firstValue(values, headers, name),
                Instant.now()));
    }

    private static Optional<Method> valuesMethod(Object headers) {
        try {
            Method method = headers.getClass().getMethod("values", String.class);
            return List.class.isAssignableFrom(method.getReturnType()) ? Optional.of(method) : Optional.empty();
        } catch (NoSuchMethodException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    private static Optional<String> firstValue(Method values, Object headers, String name) {
        try {
            List<?> list = (List<?>) values.invoke(headers, name);
            return list == null || list.isEmpty() || list.get(0) == null ? Optional.empty()
                    : Optional.of(list.get(0).toString());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    private static Optional<String> header(Map<?, ?> headers, String name) {
        for (Map.Entry<?, ?> entry : headers.entrySet()) {
            if (entry.getKey() instanceof String key && key.toLowerCase(Locale.ROOT).equals(name)) {
                Object value = entry.getValue();
                if (value instanceof List<?> list) {
                    value = list.isEmpty() ? null : list.get(0);
                }
                return value == null ? Optional.empty() : Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> call(Object target, String methodName) {
        try {
            Method method = target.getClass().getMethod(methodName);
            if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class) {
                return Optional.empty();
            }
            if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                method.trySetAccessible();
            }
            return Optional.ofNullable(method.invoke(target));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }
}

package dev.evals4j.engine.run;

import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import dev.evals4j.engine.binding.EvalDefinitionException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * What a {@code @ForEach} method may return, and how a returned value becomes a {@link RowOutcome}:
 * {@code void} and {@code true} pass, {@code false} fails, a {@link Score} or {@link Result} passes
 * when its scores pass; a {@code CompletionStage} of any of them makes the method asynchronous.
 * Stateless.
 */
public final class ReturnValues {

    private static final Set<Class<?>> RESULT_TYPES =
            Set.of(void.class, Void.class, boolean.class, Boolean.class, Score.class, Result.class, Object.class);

    private ReturnValues() {}

    /** Whether {@code method} is asynchronous (returns a {@code CompletionStage}). */
    public static boolean isAsync(Method method) {
        return CompletionStage.class.isAssignableFrom(method.getReturnType());
    }

    /**
     * Checks that {@code method} returns a supported type.
     *
     * @throws EvalDefinitionException naming the method, its return type and the supported ones
     */
    public static void check(Method method) {
        Type returned = method.getGenericReturnType();
        Type result = isAsync(method) ? stageArgument(returned) : returned;
        Class<?> raw = result instanceof Class<?> c ? c
                : result instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
        if (!RESULT_TYPES.contains(raw)) {
            throw new EvalDefinitionException("@ForEach method " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " returns " + returned.getTypeName() + "; supported: void, boolean, Score, "
                    + "Result, or a CompletionStage of one of them");
        }
    }

    private static Type stageArgument(Type returned) {
        return returned instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                ? p.getActualTypeArguments()[0] : Object.class;
    }

    /**
     * The outcome of a returned value ({@code null} for {@code void} or a completed {@code CompletionStage<Void>}).
     *
     * @throws IllegalStateException for a value of an unsupported type (from a {@code CompletionStage<?>})
     */
    public static RowOutcome normalize(Object value) {
        if (value == null) {
            return RowOutcome.pass();
        }
        if (value instanceof Boolean passed) {
            return passed ? RowOutcome.pass()
                    : new RowOutcome(false, null, Map.of(), List.of("the method returned false"), Map.of());
        }
        if (value instanceof Score score) {
            return fromScores(null, List.of(score), Map.of());
        }
        if (value instanceof Result result) {
            return fromScores(result.output(), result.scores(), result.metadata());
        }
        throw new IllegalStateException("A @ForEach method returned a " + value.getClass().getName()
                + "; supported: void, boolean, Score, Result");
    }

    private static RowOutcome fromScores(Object output, List<Score> scores, Map<String, Object> metadata) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        boolean passed = true;
        for (Score score : scores) {
            values.put(score.name(), score.value());
            if (!score.passed()) {
                passed = false;
                String detail = score.detail() == null || score.detail().isEmpty() ? "" : " (" + score.detail() + ")";
                failures.add(String.format(Locale.ROOT, "%s=%.3f%s", score.name(), score.value(), detail));
            }
        }
        return new RowOutcome(passed, output, values, failures, metadata);
    }
}

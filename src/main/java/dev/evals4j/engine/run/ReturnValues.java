package dev.evals4j.engine.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import dev.evals4j.engine.binding.EvalDefinitionException;
import dev.evals4j.engine.row.RowOutcome;
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
import org.apiguardian.api.API;

/**
 * What a {@code @ForEach} method may return, and how a returned value becomes a {@link RowOutcome}:
 * {@code void} and {@code true} pass, {@code false} fails, a {@link Score} or {@link Result} passes
 * when its scores pass; a {@code CompletionStage} of any of them makes the method asynchronous. A
 * {@code null} passes only where no result is declared (see {@link #nullPasses(Method)}).
 * Stateless.
 */
@API(status = INTERNAL, since = "0.1")
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
        if (!RESULT_TYPES.contains(resultClass(method))) {
            throw new EvalDefinitionException("@ForEach method " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " returns " + method.getGenericReturnType().getTypeName() + "; supported: "
                    + "void, boolean, Score, Result, or a CompletionStage of one of them");
        }
    }

    /**
     * Whether {@code null} passes for {@code method}: it does when the method declares no result
     * ({@code void}, {@code CompletionStage<Void>}) or leaves it open ({@code Object},
     * {@code CompletionStage<?>}); it is an error when the method declares a {@code Boolean},
     * {@code Score} or {@code Result}.
     */
    public static boolean nullPasses(Method method) {
        Class<?> result = resultClass(method);
        return result == void.class || result == Void.class || result == Object.class;
    }

    /** The simple name of the result {@code method} declares, {@code Score} for {@code CompletionStage<Score>}. */
    static String resultName(Method method) {
        return resultClass(method).getSimpleName();
    }

    /** The class of the result: the return type, or the type argument of a {@code CompletionStage}. */
    private static Class<?> resultClass(Method method) {
        Type returned = method.getGenericReturnType();
        Type result = isAsync(method) ? stageArgument(returned) : returned;
        return result instanceof Class<?> c ? c
                : result instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : Object.class;
    }

    private static Type stageArgument(Type returned) {
        return returned instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                ? p.getActualTypeArguments()[0] : Object.class;
    }

    /**
     * The outcome of a returned value ({@code null} for {@code void} or a completed {@code CompletionStage<Void>};
     * callers reject a {@code null} where {@link #nullPasses(Method)} says it is an error).
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

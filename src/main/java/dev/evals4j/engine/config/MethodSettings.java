package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.api.ForEach;
import dev.evals4j.engine.binding.EvalDefinitionException;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The effective settings of one {@code @ForEach} method: its annotation's settings where given, the
 * run's configuration otherwise. Immutable.
 *
 * @param concurrent whether rows run concurrently
 * @param strategy the concurrency strategy name, or empty for the default ({@code sequential} when not concurrent)
 * @param maxConcurrency the maximum rows in flight, or {@code 0} for the strategy's default
 * @param initialConcurrency the starting concurrency, or {@code 0} for the strategy's default
 * @param maxAttempts attempts per row, or {@code 0} for the retry policy's default
 * @param timeout the timeout of one attempt, or empty for the executor's default
 * @param repetitions how many times each row runs
 * @param limit how many dataset entries to read at most, {@code 0} for all
 * @param stopOnFirstError whether the first row that ends with an error stops the method
 */
@API(status = INTERNAL, since = "0.1")
public record MethodSettings(boolean concurrent, Optional<String> strategy, int maxConcurrency,
        int initialConcurrency, int maxAttempts, Optional<Duration> timeout, int repetitions, long limit,
        boolean stopOnFirstError) {

    /**
     * The settings of a method annotated with {@code annotation}, under {@code config}.
     *
     * @param async whether the method returns a {@code CompletionStage}
     * @param method the method's name, for messages
     * @throws EvalDefinitionException when an annotation value is invalid
     */
    public static MethodSettings resolve(ForEach annotation, EngineConfig config, boolean async, String method) {
        boolean concurrent = switch (annotation.concurrent()) {
            case TRUE -> true;
            case FALSE -> false;
            case DEFAULT -> config.concurrent().orElse(async);
        };
        Optional<String> strategy = annotation.concurrency().isEmpty() ? config.strategy()
                : Optional.of(strategyName(annotation.concurrency(), method));
        if (!concurrent) {
            strategy = Optional.of("sequential");
        }
        Optional<Duration> timeout = annotation.timeout().isEmpty() ? config.timeout()
                : Optional.of(Durations.parse(annotation.timeout()).orElseThrow(() -> invalid(method, "timeout",
                        annotation.timeout(), Durations.SYNTAX)));
        return new MethodSettings(concurrent, strategy,
                positiveOr(annotation.maxConcurrency(), config.maxConcurrency(), method, "maxConcurrency"),
                config.initialConcurrency(),
                positiveOr(annotation.maxAttempts(), config.maxAttempts(), method, "maxAttempts"),
                timeout,
                positiveOr(annotation.repetitions(), config.repetitions(), method, "repetitions"),
                annotation.limit() < 0 ? invalidLong(method, annotation.limit())
                        : annotation.limit() > 0 ? annotation.limit() : config.limit(),
                config.stopOnFirstError());
    }

    private static String strategyName(String name, String method) {
        return ConfigKeys.STRATEGY.tryParse(name).orElseThrow(
                () -> invalid(method, "concurrency", name, ConfigKeys.STRATEGY.allowed()));
    }

    private static int positiveOr(int value, int fallback, String method, String attribute) {
        if (value < 0) {
            throw invalid(method, attribute, Integer.toString(value), "a positive integer, or 0 for the configuration's value");
        }
        return value > 0 ? value : fallback;
    }

    private static long invalidLong(String method, long value) {
        throw invalid(method, "limit", Long.toString(value), "a positive number, or 0 for all rows");
    }

    private static EvalDefinitionException invalid(String method, String attribute, String value, String allowed) {
        return new EvalDefinitionException("Invalid @ForEach(" + attribute + " = " + value + ") on " + method
                + ": allowed " + allowed);
    }
}

package dev.evals4j.engine.run;

import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.SlidingWindow;
import dev.evals4j.concurrency.Throttle;
import dev.evals4j.concurrency.Ticker;
import dev.evals4j.engine.config.ConfigKeys;
import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.execution.AsyncExecutor;
import dev.evals4j.execution.ExecutionSettings;
import dev.evals4j.execution.Executor;
import dev.evals4j.execution.ExecutorFactory;
import dev.evals4j.execution.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the executor of one method from its {@link MethodSettings}: the strategy, the retry policy,
 * the timeout, and sync or async through {@link ExecutorFactory}. The executor is the one place a
 * results store hooks in later (by decorating it). Stateless.
 */
final class MethodExecutors {

    /** The concurrency of the adaptive and AIMD strategies when no maximum is configured. */
    static final int DEFAULT_MAX_CONCURRENCY = 100;
    /** Where the adaptive and AIMD strategies start when no initial value is configured. */
    static final int DEFAULT_INITIAL_CONCURRENCY = 5;

    private MethodExecutors() {}

    /**
     * The executor for {@code invoker} under {@code settings}.
     *
     * @param shutdownGrace how long calls in flight may finish after a stop (Ctrl-C, SIGTERM)
     */
    static Executor<RowItem, RowOutcome> create(MethodSettings settings, EngineConfig config, RowInvoker invoker,
            boolean async, Duration shutdownGrace) {
        Throttle throttle = throttle(settings);
        ExecutionSettings execution = ExecutionSettings.defaults()
                .withConcurrent(settings.concurrent())
                .withRunSync(!settings.concurrent())
                .withStrategy(throttle::strategy)
                .withPacer(throttle::pacer)
                .withRetryPolicy(retryPolicy(settings.maxAttempts(), config))
                .withTimeout(settings.timeout().orElse(AsyncExecutor.DEFAULT_TIMEOUT))
                .withExitOnError(settings.stopOnFirstError())
                .withShutdownGrace(shutdownGrace);
        return async ? ExecutorFactory.forAsync(invoker.asyncTask(), execution, null)
                : ExecutorFactory.forSync(invoker.syncTask(), execution, null);
    }

    /**
     * The retry policy of the configuration's {@code evals4j.retry.*} keys, with {@code maxAttempts}
     * (when positive) overriding the configured attempts.
     *
     * @throws IllegalArgumentException naming the key and the allowed values when a value is invalid
     */
    static RetryPolicy retryPolicy(int maxAttempts, EngineConfig config) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (maxAttempts > 0) {
            keys.put(ConfigKeys.MAX_ATTEMPTS, Integer.toString(maxAttempts));
        }
        config.retryWait().ifPresent(wait -> keys.put(ConfigKeys.RETRY_WAIT, wait));
        return RetryPolicy.fromKeys(keys);
    }

    /**
     * The default pair (a strategy and a request pacer) when no strategy is named, otherwise the
     * named strategy without pacing; either starts at the configured initial concurrency
     * ({@code evals4j.concurrency.initial}), clamped to the maximum.
     */
    static Throttle throttle(MethodSettings settings) {
        String name = settings.strategy().orElse("");
        int max = maxConcurrency(settings, name);
        if (name.isEmpty()) {
            int initial = initialConcurrency(settings, ConcurrencyStrategies.DEFAULT_INITIAL_CONCURRENCY, max);
            return ConcurrencyStrategies.defaults(max, initial, Ticker.system());
        }
        int initial = initialConcurrency(settings, DEFAULT_INITIAL_CONCURRENCY, max);
        return new Throttle(ConcurrencyStrategies.create(name, max, initial, Ticker.system()), RequestPacer.unlimited());
    }

    private static int initialConcurrency(MethodSettings settings, int strategyDefault, int max) {
        return Math.min(settings.initialConcurrency() > 0 ? settings.initialConcurrency() : strategyDefault, max);
    }

    private static int maxConcurrency(MethodSettings settings, String name) {
        return settings.maxConcurrency() > 0 ? settings.maxConcurrency()
                : name.equals(ConcurrencyStrategies.SLIDING) ? SlidingWindow.DEFAULT_MAX_CONCURRENCY
                : DEFAULT_MAX_CONCURRENCY;
    }
}

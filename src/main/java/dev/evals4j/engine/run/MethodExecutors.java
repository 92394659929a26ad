package dev.evals4j.engine.run;

import dev.evals4j.api.spi.FailureClassifier;
import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.Throttle;
import dev.evals4j.concurrency.Ticker;
import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.config.MethodSettings;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.AsyncExecutor;
import dev.evals4j.execution.ExecutionSettings;
import dev.evals4j.execution.Executor;
import dev.evals4j.execution.ExecutorFactory;
import dev.evals4j.execution.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * Builds the executor of one method from its {@link MethodSettings}: the strategy, the retry policy,
 * the failure classifiers, the timeout, and sync or async through {@link ExecutorFactory}. The executor is the one place a
 * results store hooks in later (by decorating it). Stateless.
 */
final class MethodExecutors {

    private MethodExecutors() {}

    /**
     * The executor for {@code invoker} under {@code settings}, limited by {@code throttle} (made by
     * {@link #throttle}), so that the caller can watch its pacer.
     *
     * @param shutdownGrace how long calls in flight may finish after a stop (Ctrl-C, SIGTERM)
     * @param classifiers the user's failure classifiers, asked before the built-in ones
     */
    static Executor<RowItem, RowOutcome> create(MethodSettings settings, EngineConfig config, RowInvoker invoker,
            boolean async, Duration shutdownGrace, Throttle throttle, List<FailureClassifier> classifiers) {
        ExecutionSettings execution = ExecutionSettings.defaults()
                .withConcurrent(settings.concurrent())
                .withRunSync(!settings.concurrent())
                .withStrategy(throttle::strategy)
                .withPacer(throttle::pacer)
                .withRetryPolicy(retryPolicy(settings.maxAttempts(), config))
                .withTimeout(settings.timeout().orElse(AsyncExecutor.DEFAULT_TIMEOUT))
                .withExitOnError(settings.stopOnFirstError())
                .withShutdownGrace(shutdownGrace)
                .withClassifiers(classifiers);
        return async ? ExecutorFactory.forAsync(invoker.asyncTask(), execution, null, RowTokens.METER)
                : ExecutorFactory.forSync(invoker.syncTask(), execution, null, RowTokens.METER);
    }

    /** The default retry policy with {@code maxAttempts} (when positive) and the configured wait. */
    static RetryPolicy retryPolicy(int maxAttempts, EngineConfig config) {
        RetryPolicy.Builder builder = RetryPolicy.builder();
        if (maxAttempts > 0) {
            builder.maxAttempts(maxAttempts);
        }
        config.retryWait().ifPresent(wait -> wait.applyTo(builder));
        return builder.build();
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
        int initial = initialConcurrency(settings, ConcurrencyStrategies.DEFAULT_NAMED_INITIAL_CONCURRENCY, max);
        return new Throttle(ConcurrencyStrategies.create(name, max, initial, Ticker.system()), RequestPacer.unlimited());
    }

    private static int initialConcurrency(MethodSettings settings, int strategyDefault, int max) {
        return Math.min(settings.initialConcurrency() > 0 ? settings.initialConcurrency() : strategyDefault, max);
    }

    private static int maxConcurrency(MethodSettings settings, String name) {
        return settings.maxConcurrency() > 0 ? settings.maxConcurrency() : ConcurrencyStrategies.defaultMaxConcurrency(name);
    }
}

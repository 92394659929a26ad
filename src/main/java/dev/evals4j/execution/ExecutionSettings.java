package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.ConcurrencyStrategy;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.SlidingWindow;
import dev.evals4j.api.spi.FailureClassifier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * What {@link ExecutorFactory} needs to choose and build an executor: the caller's requests
 * ({@code concurrent}, {@code runSync}) and the settings the executor is built with. Strategies and
 * pacers hold state, so they are given as suppliers: every executor gets fresh ones.
 *
 * @param concurrent whether concurrency was requested for every task (e.g. {@code -Dconcurrent=true})
 * @param runSync whether the caller asks for sequential execution, one item at a time
 * @param strategy makes the concurrency strategy of each asynchronous executor
 * @param pacer makes the request pacer of each asynchronous executor
 * @param retryPolicy the retry policy
 * @param timeout the timeout of every attempt, in either executor
 * @param exitOnError whether the first final failure ends a run
 * @param shutdownGrace how long calls in flight may finish after a stop
 * @param classifiers the classifiers asked what a failed attempt means, in order, before the built-in ones
 */
@API(status = INTERNAL, since = "0.1")
public record ExecutionSettings(
        boolean concurrent,
        boolean runSync,
        Supplier<? extends ConcurrencyStrategy> strategy,
        Supplier<? extends RequestPacer> pacer,
        RetryPolicy retryPolicy,
        Duration timeout,
        boolean exitOnError,
        Duration shutdownGrace,
        List<FailureClassifier> classifiers) {

    /** Validates; copies the classifiers. */
    public ExecutionSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        AsyncExecutor.requirePositiveOrZero(shutdownGrace, "shutdownGrace");
        classifiers = List.copyOf(classifiers);
    }

    /**
     * Not concurrent, not forced sync, a fixed window of 10, no pacing, the default retry policy,
     * 60 s timeout, exitOnError, 10 s grace, the built-in classifiers alone.
     */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(false, false, SlidingWindow::new, RequestPacer::unlimited, RetryPolicy.defaults(),
                AsyncExecutor.DEFAULT_TIMEOUT, true, AsyncExecutor.DEFAULT_SHUTDOWN_GRACE, List.of());
    }

    /** A copy with {@code concurrent} set. */
    public ExecutionSettings withConcurrent(boolean concurrent) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with {@code runSync} set. */
    public ExecutionSettings withRunSync(boolean runSync) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with another strategy supplier. */
    public ExecutionSettings withStrategy(Supplier<? extends ConcurrencyStrategy> strategy) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with another pacer supplier. */
    public ExecutionSettings withPacer(Supplier<? extends RequestPacer> pacer) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with another retry policy. */
    public ExecutionSettings withRetryPolicy(RetryPolicy retryPolicy) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with another per-attempt timeout. */
    public ExecutionSettings withTimeout(Duration timeout) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with {@code exitOnError} set. */
    public ExecutionSettings withExitOnError(boolean exitOnError) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with another shutdown grace period. */
    public ExecutionSettings withShutdownGrace(Duration shutdownGrace) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, classifiers);
    }

    /** A copy with other classifiers, asked in order before the built-in ones. */
    public ExecutionSettings withClassifiers(List<? extends FailureClassifier> classifiers) {
        return new ExecutionSettings(concurrent, runSync, strategy, pacer, retryPolicy, timeout, exitOnError,
                shutdownGrace, List.copyOf(classifiers));
    }
}

package dev.evals4j.execution;

import dev.evals4j.api.spi.FailureClassifier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The settings every executor shares, for {@link AsyncExecutor.Builder} and
 * {@link SyncExecutor.Builder}. Defaults: {@link RetryPolicy#defaults()}, failures classified by the
 * built-in classifiers alone, a timeout of 60 s per attempt, exitOnError true, fallback {@code null}, a shutdown grace
 * period of 10 s. Not thread-safe.
 *
 * @param <I> the input type
 * @param <O> the output type
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ExecutorBuilder<I, O, B extends ExecutorBuilder<I, O, B>> {

    /** The default time calls in flight get to finish after {@link Executor#stop()}. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    RetryPolicy retryPolicy = RetryPolicy.defaults();
    Duration timeout = AsyncExecutor.DEFAULT_TIMEOUT;
    List<FailureClassifier> classifiers = List.of();
    boolean exitOnError = true;
    O fallbackValue;
    RandomGenerator random = new Random();
    Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    ShutdownHooks shutdownHooks = ShutdownHooks.runtime();

    ExecutorBuilder() {}

    abstract B self();

    /** Which failures are retried, how often, after which wait. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return self();
    }

    /**
     * The classifiers asked, in order, what a failed attempt means (a rate limit, transient, permanent)
     * before the built-in ones (default none).
     */
    public B classifiers(List<? extends FailureClassifier> classifiers) {
        this.classifiers = List.copyOf(classifiers);
        return self();
    }

    /**
     * The longest an attempt may take (default 60 s). An attempt that overruns it counts as failed:
     * an asynchronous call is cancelled, a synchronous one is interrupted and abandoned.
     */
    public B timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return self();
    }

    /** Whether the first final failure ends the run (default true). */
    public B exitOnError(boolean exitOnError) {
        this.exitOnError = exitOnError;
        return self();
    }

    /** The output recorded for items that do not complete (default {@code null}). */
    public B fallbackValue(O fallbackValue) {
        this.fallbackValue = fallbackValue;
        return self();
    }

    /** The source of back-off jitter (default a new {@link Random}); seed it for reproducible waits. */
    public B random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return self();
    }

    /**
     * How long calls in flight may finish after {@link Executor#stop()}, and how long the shutdown
     * hook waits for the run to finish recording (default 10 s).
     */
    public B shutdownGrace(Duration shutdownGrace) {
        this.shutdownGrace = AsyncExecutor.requirePositiveOrZero(shutdownGrace, "shutdownGrace");
        return self();
    }

    B shutdownHooks(ShutdownHooks shutdownHooks) {
        this.shutdownHooks = Objects.requireNonNull(shutdownHooks, "shutdownHooks");
        return self();
    }
}

package dev.evals4j.execution;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Runs one item at a time on the caller's thread, with the same {@link RetryPolicy}, statuses and
 * details as the {@link AsyncExecutor}. Rate-limited attempts are retried after the provider's
 * {@code Retry-After} without spending an attempt (Phoenix's sync executor failed them at once).
 * Listener callbacks happen on the caller's thread. There is no per-attempt timeout: the call runs
 * on the caller's thread and cannot be abandoned.
 *
 * <p>{@link #stop()} is thread-safe: it cuts short a wait between attempts at once; a call in
 * progress finishes (it runs on the caller's thread and cannot be cancelled), and every later item
 * is not taken. A JVM shutdown hook calls {@code stop()} while {@link #run} is active.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class SyncExecutor<I, O> implements Executor<I, O> {

    private final SyncTask<I, O> task;
    private final RetryPolicy retryPolicy;
    private final RateLimitClassifier classifier;
    private final boolean exitOnError;
    private final O fallbackValue;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Duration shutdownGrace;
    private final ShutdownHooks shutdownHooks;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    private SyncExecutor(Builder<I, O> builder) {
        this.task = builder.task;
        this.retryPolicy = builder.retryPolicy;
        this.classifier = builder.classifier;
        this.exitOnError = builder.exitOnError;
        this.fallbackValue = builder.fallbackValue;
        this.sleeper = builder.sleeper != null
                ? builder.sleeper
                : duration -> stopSignal.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        this.random = builder.random;
        this.shutdownGrace = builder.shutdownGrace;
        this.shutdownHooks = builder.shutdownHooks;
    }

    /** A builder for an executor that applies {@code task}. */
    public static <I, O> Builder<I, O> builder(SyncTask<I, O> task) {
        return new Builder<>(task);
    }

    @Override
    public ExecutionSummary run(Iterator<? extends I> inputs, ExecutionListener<? super I, ? super O> listener) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(listener, "listener");
        SafeListener<I, O> safe = new SafeListener<>(listener);
        SummaryCounter counter = new SummaryCounter();
        RetryPlanner planner = new RetryPlanner(retryPolicy, classifier, random);
        Throwable inputFailure = null;
        StopGuard guard = new StopGuard(shutdownHooks, this::stop, shutdownGrace);
        try {
            long index = 0;
            while (!isStopped() && !safe.failed()) {
                I input;
                try {
                    if (!inputs.hasNext()) {
                        break;
                    }
                    input = inputs.next();
                } catch (RuntimeException | Error readFailure) {
                    inputFailure = readFailure;
                    break;
                }
                ItemRecord<I> item = new ItemRecord<>(index++, input);
                ExecutionDetails details = runItem(item, planner, safe, counter);
                counter.add(details);
                if (exitOnError && details.status() == ExecutionStatus.FAILED) {
                    break;
                }
            }
        } finally {
            guard.close();
        }
        ExecutionSummary summary = counter.summary(1, isStopped());
        if (inputFailure != null) {
            throw new ExecutionAbortedException("Reading the inputs failed after " + summary.items() + " items",
                    inputFailure, summary);
        }
        safe.throwIfFailed(summary);
        return summary;
    }

    private ExecutionDetails runItem(ItemRecord<I> item, RetryPlanner planner, SafeListener<I, O> listener,
            SummaryCounter counter) {
        while (true) {
            Attempt attempt = item.startAttempt();
            if (attempt.isFirst()) {
                listener.itemStarted(item.index(), item.input());
            }
            counter.inFlight(1);
            long start = System.nanoTime();
            try {
                O output = task.call(item.input(), attempt);
                item.addExecutionNanos(System.nanoTime() - start);
                ExecutionStatus status = attempt.isFirst() ? ExecutionStatus.COMPLETED
                        : ExecutionStatus.COMPLETED_WITH_RETRIES;
                return finish(item, output, item.finish(status), listener);
            } catch (Exception | Error failure) {
                item.addExecutionNanos(System.nanoTime() - start);
                if (failure instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                RetryPlanner.Plan plan = planner.plan(item, failure, planner.rateLimit(failure));
                if (!plan.retry()) {
                    return finish(item, fallbackValue, item.finish(ExecutionStatus.FAILED), listener);
                }
                listener.attemptFailed(item.index(), item.input(), attempt.number(), failure, plan.rateLimited(),
                        plan.delayNanos());
                if (!waitBeforeRetry(plan.delayNanos())) {
                    return finish(item, fallbackValue, item.finish(ExecutionStatus.DID_NOT_RUN), listener);
                }
            }
        }
    }

    /** Waits, and answers whether the run may go on (not stopped, not interrupted). */
    private boolean waitBeforeRetry(long delayNanos) {
        if (isStopped() || Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            if (delayNanos > 0) {
                sleeper.sleep(Duration.ofNanos(delayNanos));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stop();
            return false;
        }
        return !isStopped();
    }

    private ExecutionDetails finish(ItemRecord<I> item, O output, ExecutionDetails details,
            SafeListener<I, O> listener) {
        listener.itemFinished(item.index(), item.input(), output, details);
        return details;
    }

    private boolean isStopped() {
        return stopSignal.getCount() == 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>For this executor a call already running on the caller's thread finishes normally.
     */
    @Override
    public void stop() {
        stopSignal.countDown();
    }

    @Override
    public O fallbackValue() {
        return fallbackValue;
    }

    @Override
    public String toString() {
        return "SyncExecutor[" + retryPolicy + ", exitOnError=" + exitOnError + "]";
    }

    /**
     * Builds a {@link SyncExecutor}. Defaults: {@link RetryPolicy#defaults()}, exitOnError true,
     * fallback {@code null}, waits that {@link #stop()} cuts short. Not thread-safe.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> extends ExecutorBuilder<I, O, Builder<I, O>> {

        private final SyncTask<I, O> task;
        private Sleeper sleeper;

        private Builder(SyncTask<I, O> task) {
            this.task = Objects.requireNonNull(task, "task");
        }

        @Override
        Builder<I, O> self() {
            return this;
        }

        /** How to wait between attempts (default: a wait that {@link #stop()} cuts short). */
        public Builder<I, O> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The executor. */
        public SyncExecutor<I, O> build() {
            return new SyncExecutor<>(this);
        }
    }
}

package dev.evals4j.execution;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Runs one item at a time, with the same {@link RetryPolicy}, timeout, statuses and details as the
 * {@link AsyncExecutor}, and the same classification of failures. Rate-limited attempts are retried
 * after the provider's {@code Retry-After} (see {@link RetryPlanner}) without spending an attempt (Phoenix's sync executor failed them at once). Listener callbacks
 * happen on the caller's thread.
 *
 * <p>Timeouts: each call runs on the run's {@link CallThread helper thread} while the caller waits
 * at most the timeout for it. A call that overruns it is interrupted and abandoned, and counts as a
 * failed attempt ({@link TimeoutException}), retried as the policy says. A call that ignores the
 * interrupt keeps its (daemon) helper thread until it returns; its result is discarded. An executor
 * nested inside a call of one of our executors (see {@link ExecutorFactory}) makes its calls on the
 * caller's thread instead, without a timeout of its own: the enclosing call's timeout bounds them.
 *
 * <p>{@link #stop()} is thread-safe: it cuts short a wait between attempts at once; a call in
 * progress gets the shutdown grace period to finish (recorded normally), then is interrupted and
 * abandoned and its item ends {@link ExecutionStatus#DID_NOT_RUN}; no later item is taken. A JVM
 * shutdown hook calls {@code stop()} while {@link #run} is active.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
final class SyncExecutor<I, O> implements Executor<I, O> {

    private final SyncTask<I, O> task;
    private final RetryPolicy retryPolicy;
    private final ClassifierChain classifier;
    private final boolean exitOnError;
    private final O fallbackValue;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Duration timeout;
    private final Duration shutdownGrace;
    private final ShutdownHooks shutdownHooks;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Set<PendingCall<O>> pendingCalls = ConcurrentHashMap.newKeySet();

    private SyncExecutor(Builder<I, O> builder) {
        this.task = builder.task;
        this.retryPolicy = builder.retryPolicy;
        this.classifier = ClassifierChain.of(builder.classifiers);
        this.exitOnError = builder.exitOnError;
        this.fallbackValue = builder.fallbackValue;
        this.sleeper = builder.sleeper != null
                ? builder.sleeper
                : duration -> stopSignal.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        this.random = builder.random;
        this.timeout = builder.timeout;
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
        CallThread calls = new CallThread();
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
                ExecutionDetails details = runItem(item, planner, safe, counter, calls);
                counter.add(details);
                if (exitOnError && details.status() == ExecutionStatus.FAILED) {
                    break;
                }
            }
        } finally {
            calls.close();
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
            SummaryCounter counter, CallThread calls) {
        while (true) {
            Attempt attempt = item.startAttempt();
            if (attempt.isFirst()) {
                listener.itemStarted(item.index(), item.input());
            }
            counter.inFlight(1);
            long start = System.nanoTime();
            try {
                O output = callInFlight(item, attempt, calls, listener);
                item.addExecutionNanos(System.nanoTime() - start);
                ExecutionStatus status = attempt.isFirst() ? ExecutionStatus.COMPLETED
                        : ExecutionStatus.COMPLETED_WITH_RETRIES;
                return finish(item, output, item.finish(status), listener);
            } catch (StoppedDuringCall stopped) {
                item.addExecutionNanos(System.nanoTime() - start);
                return finish(item, fallbackValue, item.finish(ExecutionStatus.DID_NOT_RUN), listener);
            } catch (Exception | Error failure) {
                item.addExecutionNanos(System.nanoTime() - start);
                RetryPlanner.Plan plan = planner.plan(item, failure, planner.classify(failure));
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

    /** {@link #call}, reported to {@code listener} as one call in flight under a limit of one while it runs. */
    private O callInFlight(ItemRecord<I> item, Attempt attempt, CallThread calls, SafeListener<I, O> listener)
            throws Exception {
        listener.concurrencyChanged(System.nanoTime(), 1, 1);
        try {
            return call(item, attempt, calls);
        } finally {
            listener.concurrencyChanged(System.nanoTime(), 0, 1);
        }
    }

    /**
     * Makes one attempt on the helper thread and waits for it, at most the timeout (and, after a
     * stop, at most the grace period); nested inside one of our calls, makes it on this thread.
     *
     * @throws TimeoutException when the call overran the timeout
     * @throws StoppedDuringCall when a stop came and the call overran the grace period, or this
     *     thread was interrupted
     */
    private O call(ItemRecord<I> item, Attempt attempt, CallThread calls) throws Exception {
        if (WorkerThreads.isWorkerThread()) {
            try {
                return task.call(item.input(), attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw interrupted;
            }
        }
        PendingCall<O> pending = new PendingCall<>();
        pendingCalls.add(pending);
        try {
            if (isStopped()) {
                pending.requestStop();
            }
            calls.start(() -> {
                try {
                    pending.finish(task.call(item.input(), attempt), null);
                } catch (Exception | Error failure) {
                    pending.finish(null, failure);
                }
            });
            PendingCall.End end;
            try {
                end = pending.await(timeout.toNanos(), shutdownGrace.toNanos());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                stop();
                calls.abandon();
                throw new StoppedDuringCall();
            }
            switch (end) {
                case FINISHED -> {
                    Throwable failure = pending.failure();
                    if (failure instanceof Exception exception) {
                        throw exception;
                    }
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    return pending.output();
                }
                case TIMED_OUT -> {
                    calls.abandon();
                    throw new TimeoutException("Attempt " + attempt.number() + " of item " + item.index()
                            + " exceeded the timeout of " + timeout);
                }
                default -> {
                    calls.abandon();
                    throw new StoppedDuringCall();
                }
            }
        } finally {
            pendingCalls.remove(pending);
        }
    }

    /** The run was stopped while a call was in progress, and the call did not end within the grace period. */
    private static final class StoppedDuringCall extends Exception {
        private static final long serialVersionUID = 1L;

        StoppedDuringCall() {
            super(null, null, false, false);
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
     * <p>For this executor a call nested inside another executor's call (so running on the
     * caller's thread) is not cut short: the enclosing call's own stop and timeout bound it.
     */
    @Override
    public void stop() {
        stopSignal.countDown();
        pendingCalls.forEach(PendingCall::requestStop);
    }

    @Override
    public O fallbackValue() {
        return fallbackValue;
    }

    @Override
    public String toString() {
        return "SyncExecutor[" + retryPolicy + ", timeout=" + timeout + ", exitOnError=" + exitOnError + "]";
    }

    /**
     * Builds a {@link SyncExecutor}. Defaults: {@link RetryPolicy#defaults()}, timeout 60 s,
     * exitOnError true, fallback {@code null}, waits that {@link #stop()} cuts short. Not thread-safe.
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

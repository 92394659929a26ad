package dev.evals4j.execution;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Runs one item at a time, with the same {@link RetryPolicy}, timeout, statuses and details as the
 * {@link AsyncExecutor}, and the same classification of failures. Rate-limited attempts are retried
 * after the provider's {@code Retry-After} (see {@link RetryPlanner}) without spending an attempt
 * (Phoenix's sync executor failed them at once).
 *
 * <p>Threads: the items run one after the other on a call thread ({@code evals4j-call-<n>}, a daemon
 * marked as a worker, see {@link ExecutorFactory}), which also reads the inputs and makes every
 * listener callback, one at a time; the caller's thread only watches the attempts' deadlines through
 * a {@link CallWatch}, so an attempt that ends in time hands nothing between threads. A call that
 * overruns the timeout is interrupted and abandoned, and counts as a failed attempt ({@link
 * TimeoutException}), retried as the policy says: a new call thread goes on with the loop from there.
 * A call that ignores the interrupt keeps its thread until it returns; its result is discarded. An
 * executor nested inside a call of one of our executors makes its calls and callbacks on the caller's
 * thread instead, without a timeout of its own: the enclosing call's timeout bounds them.
 *
 * <p>A finished item's slot is held the simple way: the loop waits for the stage {@link
 * ExecutionListener#itemFinished} answers before it takes the next input, so at most one item is in
 * flight or not yet durable at any time.
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

    private static final AtomicInteger CALL_THREADS = new AtomicInteger();

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
    private final Set<CallWatch> watches = ConcurrentHashMap.newKeySet();

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
        Loop loop = new Loop(inputs, new SafeListener<>(listener));
        StopGuard guard = new StopGuard(shutdownHooks, this::stop, shutdownGrace);
        try {
            if (WorkerThreads.isWorkerThread()) {
                loop.run(null, null);
            } else {
                superviseCallThreads(loop);
            }
        } finally {
            guard.close();
        }
        return loop.summary();
    }

    /**
     * Runs {@code loop} on a call thread while this thread watches the attempts' deadlines; when an
     * attempt overruns, its thread is interrupted and abandoned, and a new call thread goes on with
     * the loop from that attempt's failure.
     */
    private void superviseCallThreads(Loop loop) {
        CallWatch.Abandoned resumeFrom = null;
        do {
            CallWatch watch = new CallWatch(timeout.toNanos(), shutdownGrace.toNanos(), isStopped());
            watches.add(watch);
            CallWatch.Abandoned from = resumeFrom;
            Thread thread = WorkerThreads.daemon("evals4j-call-" + CALL_THREADS.incrementAndGet(),
                    WorkerThreads.wrap(() -> {
                        try {
                            loop.run(watch, from);
                        } catch (AbandonedAttempt abandoned) {
                            // the watcher owns the loop now; this thread only ends
                        } catch (RuntimeException | Error unexpected) {
                            loop.crash = unexpected;
                        } finally {
                            watch.loopEnded();
                        }
                    }));
            thread.start();
            try {
                resumeFrom = watch.await(this::stop);
            } finally {
                watches.remove(watch);
            }
            if (resumeFrom != null) {
                thread.interrupt();
            }
        } while (resumeFrom != null);
        if (loop.crash instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (loop.crash instanceof Error error) {
            throw error;
        }
    }

    /**
     * The sequential loop over the inputs and its state, owned by one thread at a time: the call thread
     * that runs it, or the watcher between an abandoned call thread and the next (the {@link CallWatch}'s
     * monitor orders the hand-overs).
     */
    private final class Loop {

        private final Iterator<? extends I> inputs;
        private final SafeListener<I, O> listener;
        private final SummaryCounter counter = new SummaryCounter();
        private final RetryPlanner planner = new RetryPlanner(retryPolicy, classifier, random);
        private Throwable inputFailure;
        private long index;
        /** What the call thread's loop threw that it does not handle, rethrown by the run's thread. */
        private Throwable crash;

        Loop(Iterator<? extends I> inputs, SafeListener<I, O> listener) {
            this.inputs = inputs;
            this.listener = listener;
        }

        /**
         * Runs the items, first finishing the item of {@code resumeFrom} when an earlier call thread
         * abandoned its attempt; calls through {@code watch}, or on this thread when it is {@code null}.
         *
         * @throws AbandonedAttempt when the watcher abandoned an attempt of this thread
         */
        void run(CallWatch watch, CallWatch.Abandoned resumeFrom) {
            if (resumeFrom != null && !finishItem(runItem(itemOf(resumeFrom), watch, resumeFrom))) {
                return;
            }
            while (!isStopped() && !listener.failed()) {
                I input;
                try {
                    if (!inputs.hasNext()) {
                        return;
                    }
                    input = inputs.next();
                } catch (RuntimeException | Error readFailure) {
                    inputFailure = readFailure;
                    return;
                }
                if (!finishItem(runItem(new ItemRecord<>(index++, input), watch, null))) {
                    return;
                }
            }
        }

        @SuppressWarnings("unchecked")
        private ItemRecord<I> itemOf(CallWatch.Abandoned abandoned) {
            return (ItemRecord<I>) abandoned.item();
        }

        /** Counts a finished item; answers whether the loop goes on. */
        private boolean finishItem(ExecutionDetails details) {
            counter.add(details);
            return !(exitOnError && details.status() == ExecutionStatus.FAILED);
        }

        /** The summary, once the loop is over; throws as {@link Executor#run} documents. */
        ExecutionSummary summary() {
            ExecutionSummary summary = counter.summary(1, isStopped());
            if (inputFailure != null) {
                throw new ExecutionAbortedException("Reading the inputs failed after " + summary.items() + " items",
                        inputFailure, summary);
            }
            listener.throwIfFailed(summary);
            return summary;
        }

        private ExecutionDetails runItem(ItemRecord<I> item, CallWatch watch, CallWatch.Abandoned resumeFrom) {
            while (true) {
                Attempt attempt;
                long start;
                Throwable failure;
                O output = null;
                if (resumeFrom != null) {
                    attempt = resumeFrom.attempt();
                    start = resumeFrom.startNanos();
                    failure = resumeFrom.overrun() == CallWatch.Overrun.STOPPED ? new StoppedDuringCall()
                            : new TimeoutException("Attempt " + attempt.number() + " of item " + item.index()
                                    + " exceeded the timeout of " + timeout);
                    listener.concurrencyChanged(System.nanoTime(), 0, 1);
                    resumeFrom = null;
                } else {
                    attempt = item.startAttempt();
                    if (attempt.isFirst()) {
                        listener.itemStarted(item.index(), item.input());
                    }
                    counter.inFlight(1);
                    listener.concurrencyChanged(System.nanoTime(), 1, 1);
                    start = System.nanoTime();
                    failure = null;
                    try {
                        output = call(item, attempt, watch, start);
                    } catch (AbandonedAttempt abandoned) {
                        throw abandoned;
                    } catch (Exception | Error callFailure) {
                        failure = callFailure;
                    }
                    listener.concurrencyChanged(System.nanoTime(), 0, 1);
                }
                item.addExecutionNanos(System.nanoTime() - start);
                if (failure == null) {
                    ExecutionStatus status = attempt.isFirst() ? ExecutionStatus.COMPLETED
                            : ExecutionStatus.COMPLETED_WITH_RETRIES;
                    return finish(item, output, item.finish(status), listener);
                }
                if (failure instanceof StoppedDuringCall) {
                    return finish(item, fallbackValue, item.finish(ExecutionStatus.DID_NOT_RUN), listener);
                }
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

    /**
     * Makes one attempt on this thread, watched by {@code watch} when it is not {@code null} (nested
     * inside one of our calls, the enclosing call's timeout bounds it).
     *
     * @throws AbandonedAttempt when the watcher abandoned the attempt before it returned
     */
    private O call(ItemRecord<I> item, Attempt attempt, CallWatch watch, long startNanos) throws Exception {
        if (watch == null) {
            try {
                return task.call(item.input(), attempt);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw interrupted;
            }
        }
        watch.begin(item, attempt, startNanos);
        O output;
        try {
            output = task.call(item.input(), attempt);
        } catch (Exception | Error failure) {
            if (!watch.end()) {
                throw new AbandonedAttempt();
            }
            throw failure;
        }
        if (!watch.end()) {
            throw new AbandonedAttempt();
        }
        return output;
    }

    /**
     * Unwinds a call thread whose attempt the watcher abandoned, past every handler of the loop: that
     * thread must not touch the run's state any more.
     */
    private static final class AbandonedAttempt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbandonedAttempt() {
            super(null, null, false, false);
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
        listener.awaitHeld(listener.itemFinished(item.index(), item.input(), output, details));
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
        watches.forEach(CallWatch::requestStop);
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

package dev.evals4j.execution;

import dev.evals4j.api.spi.Classification;
import dev.evals4j.concurrency.ConcurrencyStrategy;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of an {@link AsyncExecutor}: the event loop that owns every piece of scheduling state.
 *
 * <p>Exactly one thread, the one calling {@link #run()} (the caller of {@link AsyncExecutor#run}), reads and writes the state below (retry
 * queue, in-flight calls, item records, stop mode) and makes every listener and strategy call.
 * Other threads only post {@link Event}s: workers when an attempt ends, the {@link InputReader}
 * when an input arrives or the inputs end, {@link #requestStop()} from anywhere. The inputs
 * iterator belongs to the reader thread until {@link #run()} has joined it, then to the caller. The loop never
 * sleeps blindly: it waits on the event queue until the earliest of the next retry's not-before
 * time, the pacer's next permit, the next attempt deadline and the end of the stop grace period.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
final class Dispatcher<I, O> {

    /** What other threads tell the dispatcher. */
    private sealed interface Event {}

    private record AttemptEnded<I, O>(InFlightCall<I> call, O output, Throwable failure, long endNanos)
            implements Event {}

    private record InputArrived() implements Event {}

    private record InputsEnded(Throwable failure) implements Event {}

    private record StopRequested() implements Event {}

    /** How long to wait for an event when no timer is pending (any event wakes the loop earlier). */
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AsyncTask<I, O> task;
    private final AsyncExecutor.Settings<O> settings;
    private final ConcurrencyStrategy strategy;
    private final RequestPacer pacer;
    private final TokenMeter<? super I, ? super O> tokens;
    private final Ticker ticker;
    private final RetryPlanner planner;
    private final SafeListener<I, O> listener;
    private final ExecutorService workers;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputChannel<ItemRecord<I>> channel;
    private final Thread reader;

    // Owned by the dispatcher thread.
    private final RetryQueue<ItemRecord<I>> retries = new RetryQueue<>();
    private final Map<Long, InFlightCall<I>> inFlight = new HashMap<>();
    private final PriorityQueue<InFlightCall<I>> deadlines = new PriorityQueue<>(
            (a, b) -> Long.compare(a.deadlineNanos() - b.deadlineNanos(), 0));
    private final SummaryCounter counter = new SummaryCounter();
    private boolean inputsEnded;
    private Throwable inputFailure;
    private boolean stopping;
    private boolean stoppedByRequest;
    private Long graceDeadline;
    private Long pacerReadyAt;
    private int maxLimitSeen;
    private int reportedInFlight = -1;
    private int reportedLimit = -1;

    /** @param tokens estimates each call's tokens and reads what a successful one used, for the pacer */
    Dispatcher(AsyncTask<I, O> task, AsyncExecutor.Settings<O> settings, TokenMeter<? super I, ? super O> tokens,
            Iterator<? extends I> inputs, ExecutionListener<? super I, ? super O> listener) {
        this.task = task;
        this.settings = settings;
        this.strategy = settings.strategy();
        this.pacer = settings.pacer();
        this.tokens = tokens;
        this.ticker = settings.ticker();
        this.planner = new RetryPlanner(settings.retryPolicy(), settings.classifier(), settings.random());
        this.listener = new SafeListener<>(listener);
        this.workers = WorkerThreads.newPool();
        this.maxLimitSeen = strategy.limit();
        this.channel = new InputChannel<>(2 * maxLimitSeen);
        this.reader = WorkerThreads.daemon("evals4j-input", new InputReader<>(inputs, channel, new InputReader.Signals() {
            @Override
            public void inputArrived() {
                events.add(new InputArrived());
            }

            @Override
            public void inputsEnded(Throwable failure) {
                events.add(new InputsEnded(failure));
            }
        }));
    }

    /** Asks the run to stop; callable from any thread. */
    void requestStop() {
        events.add(new StopRequested());
    }

    /**
     * Runs the loop until every item taken has a final status.
     *
     * @throws ExecutionAbortedException if the inputs or the listener failed (after finishing every item)
     */
    ExecutionSummary run() {
        reader.start();
        try {
            while (true) {
                long now = ticker.nanoTime();
                expireTimers(now);
                if (listener.failed() && !stopping) {
                    abort();
                }
                dispatch(now);
                if (isDone()) {
                    break;
                }
                Event event = events.poll(waitNanos(ticker.nanoTime()), TimeUnit.NANOSECONDS);
                while (event != null) {
                    handle(event);
                    event = events.poll();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
            stoppedByRequest = true;
            finishUnstarted();
            cancelInFlight();
        } finally {
            stopReader();
            workers.shutdown();
        }
        ExecutionSummary summary = counter.summary(strategy.limit(), stoppedByRequest);
        if (inputFailure != null) {
            throw new ExecutionAbortedException("Reading the inputs failed after " + summary.items() + " items",
                    inputFailure, summary);
        }
        listener.throwIfFailed(summary);
        return summary;
    }

    private boolean isDone() {
        return inFlight.isEmpty() && retries.isEmpty() && (stopping || inputsEnded && channel.isEmpty());
    }

    private long waitNanos(long now) {
        long wait = IDLE_WAIT_NANOS;
        if (!stopping) {
            wait = Math.min(wait, until(retries.nextNotBefore().orElse(now + IDLE_WAIT_NANOS), now));
            if (pacerReadyAt != null) {
                wait = Math.min(wait, until(pacerReadyAt, now));
            }
        }
        InFlightCall<I> nextDeadline = deadlines.peek();
        if (nextDeadline != null) {
            wait = Math.min(wait, until(nextDeadline.deadlineNanos(), now));
        }
        if (graceDeadline != null) {
            wait = Math.min(wait, until(graceDeadline, now));
        }
        return wait;
    }

    private static long until(long time, long now) {
        return Math.max(0, time - now);
    }

    // ---- events

    private void handle(Event event) {
        if (event instanceof AttemptEnded<?, ?> ended) {
            @SuppressWarnings("unchecked")
            AttemptEnded<I, O> mine = (AttemptEnded<I, O>) ended;
            attemptEnded(mine);
        } else if (event instanceof InputsEnded ended) {
            inputsEnded = true;
            inputFailure = ended.failure();
        } else if (event instanceof StopRequested) {
            stop();
        }
        // InputArrived only wakes the loop, which then dispatches.
    }

    private void attemptEnded(AttemptEnded<I, O> ended) {
        InFlightCall<I> call = ended.call();
        ItemRecord<I> item = call.item();
        if (inFlight.get(item.index()) != call) {
            return; // the attempt already timed out or was cancelled
        }
        retire(call);
        long latency = ended.endNanos() - call.startNanos();
        item.addExecutionNanos(latency);
        if (ended.failure() == null) {
            strategy.onSuccess(call.startNanos(), latency);
            pacer.onSuccess(call.startNanos(), call.estimatedTokens(), tokens.used(ended.output()));
            finish(item, ended.output(),
                    call.attempt().isFirst() ? ExecutionStatus.COMPLETED : ExecutionStatus.COMPLETED_WITH_RETRIES);
            return;
        }
        Throwable failure = unwrap(ended.failure());
        Classification classification = planner.classify(failure);
        if (classification.isRateLimited()) {
            strategy.onRateLimited(call.startNanos());
            pacer.onRateLimited(call.startNanos(), call.estimatedTokens(), TokenHeaders.read(failure));
        } else {
            strategy.onError(call.startNanos());
        }
        afterFailure(call, failure, classification);
    }

    private void afterFailure(InFlightCall<I> call, Throwable failure, Classification classification) {
        ItemRecord<I> item = call.item();
        RetryPlanner.Plan plan = planner.plan(item, failure, classification);
        if (!plan.retry()) {
            finish(item, settings.fallbackValue(), ExecutionStatus.FAILED);
            if (settings.exitOnError() && !stopping) {
                abort();
            }
            return;
        }
        if (stopping) {
            finish(item, settings.fallbackValue(), ExecutionStatus.DID_NOT_RUN);
            return;
        }
        listener.attemptFailed(item.index(), item.input(), call.attempt().number(), failure, plan.rateLimited(),
                plan.delayNanos());
        retries.add(item, item.attempts(), ticker.nanoTime() + plan.delayNanos());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // ---- timers

    private void expireTimers(long now) {
        while (!deadlines.isEmpty() && deadlines.peek().deadlineNanos() - now <= 0) {
            InFlightCall<I> call = deadlines.poll();
            if (inFlight.get(call.item().index()) == call) {
                timeOut(call, now);
            }
        }
        if (graceDeadline != null && graceDeadline - now <= 0) {
            graceDeadline = null;
            cancelInFlight();
        }
    }

    private void timeOut(InFlightCall<I> call, long now) {
        call.cancel();
        retire(call);
        call.item().addExecutionNanos(now - call.startNanos());
        strategy.onTimeout(call.startNanos());
        TimeoutException timeout = new TimeoutException("Attempt " + call.attempt().number() + " of item "
                + call.item().index() + " exceeded the timeout of " + settings.timeout());
        afterFailure(call, timeout, Classification.transientError());
    }

    // ---- dispatching

    private void dispatch(long now) {
        pacerReadyAt = null;
        while (!stopping) {
            int limit = strategy.limit();
            noteLimit(limit);
            if (inFlight.size() >= limit) {
                return;
            }
            ItemRecord<I> next = retries.peekReady(now);
            boolean retry = next != null;
            if (!retry) {
                next = channel.peek();
            }
            if (next == null) {
                return;
            }
            long estimatedTokens = tokens.estimate(next.input());
            long wait = pacer.tryAcquire(estimatedTokens);
            if (wait > 0) {
                pacerReadyAt = now + wait;
                return;
            }
            start(retry ? retries.pollReady(now) : channel.poll(), estimatedTokens);
        }
    }

    private void start(ItemRecord<I> item, long estimatedTokens) {
        Attempt attempt = item.startAttempt();
        if (attempt.isFirst()) {
            listener.itemStarted(item.index(), item.input());
        }
        long start = ticker.nanoTime();
        InFlightCall<I> call = new InFlightCall<>(item, attempt, start, start + settings.timeout().toNanos(),
                estimatedTokens);
        inFlight.put(item.index(), call);
        deadlines.add(call);
        counter.inFlight(inFlight.size());
        reportConcurrency();
        call.attachWorker(workers.submit(WorkerThreads.wrap(() -> invoke(call))));
    }

    /** Runs on a worker thread: starts the task and posts its outcome. */
    private void invoke(InFlightCall<I> call) {
        ItemRecord<I> item = call.item();
        try {
            CompletionStage<O> stage = task.call(item.input(), call.attempt());
            if (stage == null) {
                throw new NullPointerException("The task returned null instead of a CompletionStage");
            }
            call.attachStage(stage);
            stage.whenComplete((output, failure) ->
                    events.add(new AttemptEnded<>(call, output, failure, ticker.nanoTime())));
        } catch (Throwable failure) {
            events.add(new AttemptEnded<I, O>(call, null, failure, ticker.nanoTime()));
        }
    }

    private void retire(InFlightCall<I> call) {
        inFlight.remove(call.item().index());
        deadlines.remove(call);
        reportConcurrency();
    }

    private void noteLimit(int limit) {
        if (limit > maxLimitSeen) {
            maxLimitSeen = limit;
            channel.ensureCapacity(2 * limit);
        }
        reportConcurrency(limit);
    }

    private void reportConcurrency() {
        reportConcurrency(strategy.limit());
    }

    private void reportConcurrency(int limit) {
        if (inFlight.size() != reportedInFlight || limit != reportedLimit) {
            reportedInFlight = inFlight.size();
            reportedLimit = limit;
            listener.concurrencyChanged(ticker.nanoTime(), reportedInFlight, limit);
        }
    }

    // ---- stopping

    /** {@link Executor#stop()}: no more dispatch; in-flight calls get the grace period. */
    private void stop() {
        stoppedByRequest = true;
        if (stopping) {
            return;
        }
        stopping = true;
        finishUnstarted();
        if (settings.shutdownGrace().isZero()) {
            cancelInFlight();
        } else {
            graceDeadline = ticker.nanoTime() + settings.shutdownGrace().toNanos();
        }
    }

    /** exitOnError or a failing listener: no more dispatch, in-flight calls cancelled at once. */
    private void abort() {
        stopping = true;
        finishUnstarted();
        cancelInFlight();
    }

    private void finishUnstarted() {
        reader.interrupt();
        List<ItemRecord<I>> unstarted = new ArrayList<>(channel.close());
        unstarted.addAll(retries.drain());
        unstarted.sort(Comparator.comparingLong(ItemRecord::index));
        unstarted.forEach(item -> finish(item, settings.fallbackValue(), ExecutionStatus.DID_NOT_RUN));
    }

    /**
     * Interrupts the input reader and waits until it has ended, so that the inputs have one owner at a
     * time: the reader while the run lasts, the caller once {@link #run()} returns (it may read them on,
     * or close the stream they come from). An iterator that blocks without answering interruption
     * delays the return until it answers. An interruption of this thread meanwhile is passed on to the
     * reader and kept for the caller.
     */
    private void stopReader() {
        reader.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                reader.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelInFlight() {
        List<InFlightCall<I>> calls = new ArrayList<>(inFlight.values());
        calls.sort(Comparator.comparingLong(call -> call.item().index()));
        long now = ticker.nanoTime();
        for (InFlightCall<I> call : calls) {
            call.cancel();
            retire(call);
            call.item().addExecutionNanos(now - call.startNanos());
            finish(call.item(), settings.fallbackValue(), ExecutionStatus.DID_NOT_RUN);
        }
    }

    private void finish(ItemRecord<I> item, O output, ExecutionStatus status) {
        ExecutionDetails details = item.finish(status);
        counter.add(details);
        listener.itemFinished(item.index(), item.input(), output, details);
    }
}

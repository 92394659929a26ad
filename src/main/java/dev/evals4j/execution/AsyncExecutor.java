package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.ConcurrencyStrategy;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.SlidingWindow;
import dev.evals4j.concurrency.Ticker;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * Runs many calls at once, as many as the {@link ConcurrencyStrategy} allows and at the rate the
 * {@link RequestPacer} allows, with retries that hold no thread while they wait.
 *
 * <p>How a run works: an input reader thread moves inputs from the iterator into a bounded buffer
 * (twice the largest concurrency limit seen), so a huge iterator is never read far ahead. The
 * thread that called {@link #run} becomes the run's dispatcher: it owns all scheduling state and
 * makes every listener call (so listeners that keep thread-local state, like JUnit reporters, see
 * one thread), and it starts attempts on worker threads (virtual
 * threads on Java 21+, daemon platform threads on 17) while fewer calls than the limit are in
 * flight and the pacer grants a permit, ready retries before new inputs. A failed attempt is
 * requeued with a not-before time; retries with more attempts behind them go first.
 *
 * <p>Outcomes: each attempt's outcome is reported to the strategy (success, error, timeout, rate
 * limit) and to the pacer (success, rate limit). An attempt longer than the timeout is cancelled
 * and counts as a failed attempt ({@link java.util.concurrent.TimeoutException}). A rate-limited
 * attempt is requeued after its {@code Retry-After} (at least a second when the provider's wait is
 * unknown; see {@link RetryPlanner}) without spending an
 * attempt of the budget; an item that keeps being rate limited spends budget after
 * {@value RetryPlanner#MAX_FREE_RATE_LIMITS} free requeues, so nothing loops forever. With
 * {@code exitOnError}, the first final failure ends the run: the iterator is not read further,
 * buffered and waiting items end {@link ExecutionStatus#DID_NOT_RUN}, in-flight calls are
 * cancelled and end {@code DID_NOT_RUN}.
 *
 * <p>Thread-safety: {@link #run} may be called from any thread, also for several runs at once
 * (they share the strategy and pacer); {@link #stop()} from any thread. The inputs iterator need
 * not be thread-safe: only the run's input reader reads it, and {@code run} returns only after that
 * thread has ended, so the caller may then read on or close the inputs' source. Listener callbacks happen
 * only on the run's dispatcher thread (the caller's), one at a time. While a run is active, a JVM shutdown hook
 * stops it and waits (up to the grace period plus a second) for it to finish recording.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@API(status = INTERNAL, since = "0.1")
public final class AsyncExecutor<I, O> implements Executor<I, O> {

    /** The default per-attempt timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The default time calls in flight get to finish after {@link #stop()}. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = ExecutorBuilder.DEFAULT_SHUTDOWN_GRACE;

    /** Everything a run needs besides the task and its inputs. */
    record Settings<O>(ConcurrencyStrategy strategy, RequestPacer pacer, RetryPolicy retryPolicy,
            ClassifierChain classifier, Duration timeout, boolean exitOnError, O fallbackValue,
            Duration shutdownGrace, Ticker ticker, RandomGenerator random) {}

    private final AsyncTask<I, O> task;
    private final Settings<O> settings;
    private final TokenMeter<? super I, ? super O> tokens;
    private final ShutdownHooks shutdownHooks;
    private final Set<Dispatcher<I, O>> activeRuns = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private AsyncExecutor(Builder<I, O> builder) {
        this.task = builder.task;
        this.settings = new Settings<>(builder.strategy, builder.pacer, builder.retryPolicy, ClassifierChain.of(builder.classifiers),
                builder.timeout, builder.exitOnError, builder.fallbackValue, builder.shutdownGrace, builder.ticker,
                builder.random);
        this.tokens = builder.tokens;
        this.shutdownHooks = builder.shutdownHooks;
    }

    /** A builder for an executor of an asynchronous task. */
    public static <I, O> Builder<I, O> builder(AsyncTask<I, O> task) {
        return new Builder<>(task);
    }

    /**
     * A builder for an executor that runs a blocking task concurrently, each call on its own worker
     * thread; a timed-out call's thread is interrupted.
     */
    public static <I, O> Builder<I, O> forSync(SyncTask<I, O> task) {
        Objects.requireNonNull(task, "task");
        return new Builder<>((input, attempt) -> CompletableFuture.completedFuture(task.call(input, attempt)));
    }

    @Override
    public ExecutionSummary run(Iterator<? extends I> inputs, ExecutionListener<? super I, ? super O> listener) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(listener, "listener");
        if (stopped) {
            return new SummaryCounter().summary(settings.strategy().limit(), true);
        }
        Dispatcher<I, O> run = new Dispatcher<>(task, settings, tokens, inputs, listener);
        activeRuns.add(run);
        StopGuard guard = new StopGuard(shutdownHooks, this::stop, settings.shutdownGrace());
        try {
            if (stopped) {
                run.requestStop();
            }
            return run.run();
        } finally {
            activeRuns.remove(run);
            guard.close();
        }
    }

    @Override
    public void stop() {
        stopped = true;
        activeRuns.forEach(Dispatcher::requestStop);
    }

    @Override
    public O fallbackValue() {
        return settings.fallbackValue();
    }

    /** The concurrency strategy (shared by all runs of this executor). */
    public ConcurrencyStrategy strategy() {
        return settings.strategy();
    }

    @Override
    public String toString() {
        return "AsyncExecutor[" + settings.strategy().name() + ", " + settings.retryPolicy() + ", timeout="
                + settings.timeout() + ", exitOnError=" + settings.exitOnError() + "]";
    }

    static Duration requirePositiveOrZero(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration;
    }

    /**
     * Builds an {@link AsyncExecutor}. Defaults: {@link SlidingWindow} of 10, no pacing,
     * {@link RetryPolicy#defaults()}, timeout 60 s, exitOnError true, fallback {@code null},
     * shutdown grace 10 s, the system ticker. Not thread-safe.
     *
     * @param <I> the input type
     * @param <O> the output type
     */
    public static final class Builder<I, O> extends ExecutorBuilder<I, O, Builder<I, O>> {

        private final AsyncTask<I, O> task;
        private ConcurrencyStrategy strategy;
        private RequestPacer pacer = RequestPacer.unlimited();
        private TokenMeter<? super I, ? super O> tokens = TokenMeter.none();
        private Ticker ticker = Ticker.system();

        private Builder(AsyncTask<I, O> task) {
            this.task = Objects.requireNonNull(task, "task");
        }

        @Override
        Builder<I, O> self() {
            return this;
        }

        /** How many calls may be in flight (default a fixed window of 10). */
        public Builder<I, O> strategy(ConcurrencyStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** How fast calls may start (default unlimited). */
        public Builder<I, O> pacer(RequestPacer pacer) {
            this.pacer = Objects.requireNonNull(pacer, "pacer");
            return this;
        }

        /**
         * How the pacer learns each call's tokens: an estimate from its input, the usage its output
         * reports (default: none, so the calls carry no tokens and are paced by requests alone).
         */
        public Builder<I, O> tokens(TokenMeter<? super I, ? super O> tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** The time source of timeouts, retry waits and strategy reports (default the system's). */
        public Builder<I, O> ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The executor. */
        public AsyncExecutor<I, O> build() {
            if (strategy == null) {
                strategy = new SlidingWindow();
            }
            return new AsyncExecutor<>(this);
        }
    }
}

package dev.evals4j.bench;

import dev.evals4j.concurrency.ConcurrencyStrategy;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.Ticker;
import dev.evals4j.execution.AsyncExecutor;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.execution.ExecutionListener;
import dev.evals4j.execution.ExecutionSummary;
import dev.evals4j.execution.RetryPolicy;
import dev.evals4j.execution.TokenMeter;
import dev.evals4j.sim.SimClient.Completion;
import java.util.OptionalLong;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The evals4j {@link AsyncExecutor} with one concurrency strategy (and optionally a request pacer),
 * the benchmark's retry policy, the scenario's per-call timeout and {@code exitOnError=false}.
 *
 * <p>The strategy and pacer are built fresh for every run, on the system ticker. The time cap is
 * enforced with {@code Executor.stop()} and no grace period: rows not finished by then, in flight or
 * not, end {@code DID_NOT_RUN} and are counted as lost. Not thread-safe: run one contender at a time.
 */
public final class ExecutorContender implements Contender {

    /**
     * The default retry policy with its waits scaled to the benchmark's 50 ms calls: 4 attempts,
     * exponential back-off with jitter from 100 ms doubling to at most 2 s (instead of 1 s to 30 s).
     */
    public static final RetryPolicy RETRY_POLICY = RetryPolicy.builder()
            .maxAttempts(RetryPolicy.DEFAULT_MAX_ATTEMPTS)
            .waitExponential(Duration.ofMillis(100), Duration.ofSeconds(2))
            .jitter(true)
            .build();

    /** How the executor contenders are configured, for the method note. */
    public static final String SETTINGS = "The executor contenders use `AsyncExecutor` with the default retry "
            + "predicate and attempt budget (4) but waits scaled to 50 ms calls (exponential with jitter, 100 ms "
            + "doubling to at most 2 s, instead of 1 s to 30 s); rate-limited attempts are requeued after "
            + "the simulator's Retry-After plus a random 0-25% (at least 0-100 ms) without spending an attempt; "
            + "per-call timeout as listed; each call is estimated at its prompt's length / 4 tokens and reports "
            + "the usage of its answer (what an eval reports with EvalContext.reportTokens); "
            + "exitOnError=false.";

    /** A call's estimate is its prompt's length / 4; its usage is the answer's {@code usage.total_tokens}. */
    static final TokenMeter<String, Completion> USAGE = new TokenMeter<>() {
        @Override
        public long estimate(String prompt) {
            return prompt.length() / 4;
        }

        @Override
        public OptionalLong used(Completion answer) {
            return answer.usage().isPresent() ? OptionalLong.of(answer.totalTokens()) : OptionalLong.empty();
        }
    };

    private final String name;
    private final Function<Ticker, ConcurrencyStrategy> strategy;
    private final Function<Ticker, RequestPacer> pacer;

    /**
     * A contender called {@code name} whose strategy and pacer are built by the given factories
     * for every run.
     */
    public ExecutorContender(String name, Function<Ticker, ConcurrencyStrategy> strategy,
            Function<Ticker, RequestPacer> pacer) {
        this.name = name;
        this.strategy = strategy;
        this.pacer = pacer;
    }

    /** A contender with a concurrency strategy and no pacer. */
    public static ExecutorContender of(String name, Function<Ticker, ConcurrencyStrategy> strategy) {
        return new ExecutorContender(name, strategy, ticker -> RequestPacer.unlimited());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ContenderOutcome run(Workload workload) {
        Ticker ticker = Ticker.system();
        MeasuredClient client = workload.client();
        AsyncExecutor<String, Completion> executor = AsyncExecutor.<String, Completion>builder(
                        (prompt, attempt) -> client.chat(prompt))
                .strategy(strategy.apply(ticker))
                .pacer(pacer.apply(ticker))
                .tokens(USAGE)
                .retryPolicy(RETRY_POLICY)
                .timeout(workload.scenario().taskTimeout())
                .exitOnError(false)
                .shutdownGrace(Duration.ZERO)
                .ticker(ticker)
                .build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-time-cap");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        ConcurrencyTrace trace = new ConcurrencyTrace(start);
        FailureCauses failureCauses = new FailureCauses();
        try {
            timer.schedule(executor::stop, workload.scenario().cap().toNanos(), TimeUnit.NANOSECONDS);
            ExecutionSummary summary = executor.run(workload.prompts().iterator(),
                    new RecordingListener(trace, failureCauses));
            long end = System.nanoTime();
            return new ContenderOutcome(end - start, (int) (summary.completed() + summary.completedWithRetries()),
                    (int) summary.failed(), summary.stopped(), trace, failureCauses);
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * Copies the executor's in-flight count and limit into a trace, and the last exception of every
     * failed row into the failure causes. Called by one thread at a time.
     */
    private static final class RecordingListener implements ExecutionListener<String, Completion> {

        private final ConcurrencyTrace trace;
        private final FailureCauses failureCauses;

        RecordingListener(ConcurrencyTrace trace, FailureCauses failureCauses) {
            this.trace = trace;
            this.failureCauses = failureCauses;
        }

        @Override
        public CompletionStage<?> itemFinished(long index, String input, Completion output,
                ExecutionDetails details) {
            if (details.status() == ExecutionStatus.FAILED) {
                failureCauses.add(details.lastException());
            }
            return ExecutionListener.nothingHeld();
        }

        @Override
        public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
            trace.record(tickerNanos, inFlight, limit);
        }
    }
}

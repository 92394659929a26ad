package dev.evals4j.execution;

import static dev.evals4j.execution.ExecutionStatus.COMPLETED;
import static dev.evals4j.execution.ExecutionStatus.COMPLETED_WITH_RETRIES;
import static dev.evals4j.execution.ExecutionStatus.DID_NOT_RUN;
import static dev.evals4j.execution.ExecutionStatus.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.RateLimitedException;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.SlidingWindow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scheduling of the {@link AsyncExecutor}: limits, rate limits, backpressure and stopping,
 * including the flaws of Phoenix's executors that must stay absent.
 */
@Timeout(60)
class AsyncExecutorSchedulingTest {

    private static final RetryPolicy NO_WAIT = RetryPolicy.builder().waitNone().build();

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    /** A task whose calls the test completes by hand, counting how many are in flight at once. */
    private static final class ManualCalls {
        final BlockingQueue<CompletableFuture<Integer>> started = new LinkedBlockingQueue<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        AsyncTask<Integer, Integer> task() {
            return (x, attempt) -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                CompletableFuture<Integer> call = new CompletableFuture<>();
                started.add(call);
                return call.thenApply(ignored -> x);
            };
        }

        CompletableFuture<Integer> next() throws InterruptedException {
            CompletableFuture<Integer> call = started.poll(10, TimeUnit.SECONDS);
            assertThat(call).as("a call should have started").isNotNull();
            return call;
        }

        void complete(CompletableFuture<Integer> call) {
            inFlight.decrementAndGet();
            call.complete(0);
        }
    }

    @Test
    void loweringTheLimitToOneKeepsOneCallInFlightAndRaisingItRampsUp() throws Exception {
        ManualCalls calls = new ManualCalls();
        SettableStrategy strategy = new SettableStrategy(4);
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.builder(calls.task()).strategy(strategy).build();
        CompletableFuture<ExecutionResult<Integer>> run = CompletableFuture.supplyAsync(() -> executor.run(range(40)));

        List<CompletableFuture<Integer>> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(calls.next());
        }
        assertThat(calls.maxInFlight).hasValue(4);

        strategy.setLimit(1);
        calls.maxInFlight.set(0);
        first.forEach(calls::complete);
        for (int i = 0; i < 5; i++) {
            calls.complete(calls.next());
        }
        assertThat(calls.maxInFlight).as("in flight while the limit is 1").hasValue(1);

        CompletableFuture<Integer> lastAtOne = calls.next();
        strategy.setLimit(6);
        calls.complete(lastAtOne); // the completion wakes the dispatcher, which sees the new limit
        List<CompletableFuture<Integer>> ramped = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ramped.add(calls.next());
        }
        assertThat(calls.inFlight).as("in flight after raising the limit to 6").hasValue(6);

        ramped.forEach(calls::complete);
        while (!run.isDone()) {
            CompletableFuture<Integer> call = calls.started.poll(50, TimeUnit.MILLISECONDS);
            if (call != null) {
                calls.complete(call);
            }
        }
        assertThat(run.get().statuses()).containsOnly(COMPLETED);
        assertThat(calls.maxInFlight).hasValue(6);
    }

    @Test
    void theLastItemRequeuedAfterARateLimitWhileTheTargetDropsStillCompletes() {
        // Phoenix's workers exited once the queue looked empty, so this run never returned.
        SettableStrategy collapsesOnRateLimit = new SettableStrategy(3, 1);
        AtomicInteger lastItemCalls = new AtomicInteger();
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, attempt) -> {
            if (x == 2 && lastItemCalls.incrementAndGet() == 1) {
                throw new RateLimitedException("429", Duration.ofMillis(30), null);
            }
            return x;
        }).strategy(collapsesOnRateLimit).retryPolicy(NO_WAIT).build();

        ExecutionResult<Integer> result = executor.run(range(3));

        assertThat(result.outputs()).containsExactly(0, 1, 2);
        assertThat(result.statuses()).containsExactly(COMPLETED, COMPLETED, COMPLETED_WITH_RETRIES);
        ExecutionDetails last = result.details().get(2);
        assertThat(last.attempts()).isEqualTo(2);
        assertThat(last.rateLimitHits()).isEqualTo(1);
        assertThat(last.exceptions()).singleElement().isInstanceOf(RateLimitedException.class);
        assertThat(collapsesOnRateLimit.rateLimits).hasValue(1);
        assertThat(collapsesOnRateLimit.limit()).isEqualTo(1);
    }

    @Test
    void aRateLimitedRowWaitsWithoutHoldingASlotSoOtherRowsRunMeanwhile() {
        // With one slot, a blocking Retry-After wait (Phoenix's sync sleep) would stall rows 1..9.
        List<String> callLog = Collections.synchronizedList(new ArrayList<>());
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, attempt) -> {
            callLog.add(x + "#" + attempt.number());
            if (x == 0 && attempt.isFirst()) {
                throw new RateLimitedException("429", Duration.ofSeconds(1), null);
            }
            return x;
        }).strategy(new SlidingWindow(1)).build();
        RecordingListener<Integer, Integer> listener = new RecordingListener<>();

        ExecutionSummary summary = executor.run(range(10).iterator(), listener);

        assertThat(callLog).containsExactly("0#1", "1#1", "2#1", "3#1", "4#1", "5#1", "6#1", "7#1", "8#1", "9#1", "0#2");
        assertThat(listener.finishedOrder).endsWith(0L);
        assertThat(listener.failedAttempts).containsExactly("0#1 rate-limited");
        assertThat(summary.rateLimitHits()).isEqualTo(1);
        assertThat(summary.completedWithRetries()).isEqualTo(1);
    }

    @Test
    void rateLimitedAttemptsDoNotSpendTheAttemptBudgetAndReachStrategyAndPacer() {
        SettableStrategy strategy = new SettableStrategy(2);
        CountingPacer pacer = new CountingPacer();
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((x, attempt) -> {
            if (attempt.number() <= 2) {
                throw new HttpFailures.StatusCodeException(429, java.util.Map.of("Retry-After", List.of("0")));
            }
            return "ok";
        }).strategy(strategy).pacer(pacer).retryPolicy(RetryPolicy.noRetries()).build();

        ExecutionResult<String> result = executor.run(List.of("x"));

        ExecutionDetails details = result.details().get(0);
        assertThat(details.status()).isEqualTo(COMPLETED_WITH_RETRIES);
        assertThat(details.attempts()).isEqualTo(3);
        assertThat(details.rateLimitHits()).isEqualTo(2);
        assertThat(details.exceptions()).hasSize(2);
        assertThat(strategy.rateLimits).hasValue(2);
        assertThat(strategy.successes).hasValue(1);
        assertThat(strategy.errors).hasValue(0);
        assertThat(pacer.rateLimits).hasValue(2);
        assertThat(pacer.successes).hasValue(1);
        assertThat(pacer.permits).hasValue(3);
    }

    @Test
    void endlessRateLimitsAreCappedSoTheItemEventuallyFails() {
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((x, attempt) -> {
            throw new RateLimitedException("always 429", Duration.ZERO, null);
        }).retryPolicy(RetryPolicy.builder().maxAttempts(2).waitNone().build()).build();

        ExecutionDetails details = executor.run(List.of("x")).details().get(0);

        assertThat(details.status()).isEqualTo(FAILED);
        assertThat(details.rateLimitHits()).isEqualTo(RetryPlanner.MAX_FREE_RATE_LIMITS);
        assertThat(details.attempts()).isEqualTo(RetryPlanner.MAX_FREE_RATE_LIMITS + 2);
    }

    @Test
    void ordinaryFailuresAreReportedToTheStrategyAsErrors() {
        SettableStrategy strategy = new SettableStrategy(1);
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((x, attempt) -> {
            if (attempt.isFirst()) {
                throw new IOException("reset");
            }
            return x;
        }).strategy(strategy).retryPolicy(NO_WAIT).build();

        executor.run(List.of("x"));

        assertThat(strategy.errors).hasValue(1);
        assertThat(strategy.successes).hasValue(1);
        assertThat(strategy.rateLimits).hasValue(0);
    }

    @Test
    void aPacerThatRefusesDelaysStartsWithoutLosingItems() {
        CountingPacer pacer = new CountingPacer();
        pacer.refuseEvery = 2; // every second request waits 5 ms
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, a) -> x)
                .pacer(pacer).build();

        ExecutionResult<Integer> result = executor.run(range(20));

        assertThat(result.outputs()).containsExactlyElementsOf(range(20));
        assertThat(pacer.permits).hasValue(20);
        assertThat(pacer.refusals.get()).isPositive();
    }

    @Test
    void exitOnErrorReadsTheIteratorOnlyAsFarAsTheBufferAllows() {
        AtomicLong read = new AtomicLong();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return (int) read.getAndIncrement();
            }
        };
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, a) -> {
            throw new IllegalArgumentException("first item fails");
        }).strategy(new SlidingWindow(2)).fallbackValue(-1).build();
        RecordingListener<Integer, Integer> listener = new RecordingListener<>();

        ExecutionSummary summary = executor.run(endless, listener);

        // Buffer of 2 x 2, at most 2 in flight, one item in the reader's hand.
        assertThat(read.get()).isLessThanOrEqualTo(2 * 2 + 2 + 1);
        assertThat(summary.failed()).isGreaterThanOrEqualTo(1);
        assertThat(summary.items()).isEqualTo(listener.details.size()).isLessThanOrEqualTo(read.get());
        assertThat(listener.details.values()).extracting(ExecutionDetails::status).isSubsetOf(FAILED, DID_NOT_RUN);
        assertThat(listener.duplicateFinishes).isZero();
    }

    @Test
    void stopHalfWayThroughAThousandItemsLeavesTheRestNotRunWithTheFallback() {
        AtomicInteger calls = new AtomicInteger();
        AsyncExecutor<Integer, Integer>[] holder = newHolder();
        holder[0] = AsyncExecutor.<Integer, Integer>forSync((x, a) -> {
            if (calls.incrementAndGet() == 500) {
                holder[0].stop();
            }
            return x;
        }).fallbackValue(-1).build();

        long start = System.nanoTime();
        ExecutionResult<Integer> result = holder[0].run(range(1000));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(result.details()).hasSize(1000);
        long completed = result.statuses().stream().filter(COMPLETED::equals).count();
        // The 500th call asks to stop; calls dispatched before the dispatcher reads the request finish.
        assertThat(completed).isBetween(500L, 600L);
        for (int i = 0; i < 1000; i++) {
            ExecutionDetails details = result.details().get(i);
            if (details.status() == DID_NOT_RUN) {
                assertThat(details.attempts()).isZero();
                assertThat(result.outputs().get(i)).isEqualTo(-1);
            } else {
                assertThat(details.status()).isEqualTo(COMPLETED);
                assertThat(result.outputs().get(i)).isEqualTo(i);
            }
        }
        assertThat(result.statuses()).filteredOn(DID_NOT_RUN::equals).hasSize((int) (1000 - completed));
        assertThat(holder[0].run(range(3)).statuses()).as("a stopped executor stays stopped")
                .containsOnly(DID_NOT_RUN);
    }

    @Test
    void stopGivesCallsInFlightTheGracePeriodThenCancelsThem() throws Exception {
        CompletableFuture<String> finishesInGrace = new CompletableFuture<>();
        CompletableFuture<String> neverFinishes = new CompletableFuture<>();
        CountDownLatch bothStarted = new CountDownLatch(2);
        AsyncExecutor<Integer, String> executor = AsyncExecutor.<Integer, String>builder((x, a) -> {
            bothStarted.countDown();
            return x == 0 ? finishesInGrace : neverFinishes;
        }).strategy(new SlidingWindow(2)).shutdownGrace(Duration.ofMillis(300)).fallbackValue("fallback").build();
        CompletableFuture<ExecutionResult<String>> run = CompletableFuture.supplyAsync(() -> executor.run(range(5)));
        assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();

        executor.stop();
        finishesInGrace.complete("done");
        ExecutionResult<String> result = run.get(10, TimeUnit.SECONDS);

        assertThat(result.outputs()).containsExactly("done", "fallback", "fallback", "fallback", "fallback");
        assertThat(result.statuses()).containsExactly(COMPLETED, DID_NOT_RUN, DID_NOT_RUN, DID_NOT_RUN, DID_NOT_RUN);
        assertThat(result.details().get(1).attempts()).isEqualTo(1);
        assertThat(neverFinishes).isCancelled();
    }

    @Test
    void exitOnErrorCancelsCallsInFlight() throws Exception {
        CompletableFuture<String> neverFinishes = new CompletableFuture<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        AsyncExecutor<Integer, String> executor = AsyncExecutor.<Integer, String>builder((x, a) -> {
            if (x == 0) {
                slowStarted.countDown();
                return neverFinishes;
            }
            slowStarted.await();
            return CompletableFuture.failedFuture(new IllegalStateException("row 1 is broken"));
        }).strategy(new SlidingWindow(2)).build();

        ExecutionResult<String> result = executor.run(range(4));

        assertThat(result.statuses()).containsExactly(DID_NOT_RUN, FAILED, DID_NOT_RUN, DID_NOT_RUN);
        assertThat(result.details().get(0).attempts()).isEqualTo(1);
        assertThat(neverFinishes).isCancelled();
    }

    @Test
    void theShutdownHookStopsTheRunAndIsRemovedAfterIt() throws Exception {
        FakeShutdownHooks hooks = new FakeShutdownHooks();
        CountDownLatch started = new CountDownLatch(1);
        AsyncExecutor<Integer, String> executor = AsyncExecutor.<Integer, String>builder((x, a) -> {
            started.countDown();
            return new CompletableFuture<>();
        }).strategy(new SlidingWindow(1)).shutdownGrace(Duration.ofMillis(50)).shutdownHooks(hooks).build();
        CompletableFuture<ExecutionResult<String>> run = CompletableFuture.supplyAsync(() -> executor.run(range(3)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hooks.registered).hasSize(1);

        Thread hook = hooks.registered.get(0);
        hook.start(); // what the JVM does on SIGINT/SIGTERM
        ExecutionResult<String> result = run.get(10, TimeUnit.SECONDS);
        hook.join(10_000);

        assertThat(result.statuses()).containsOnly(DID_NOT_RUN);
        assertThat(hook.isAlive()).isFalse();
        assertThat(hooks.removed).containsExactly(hook);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newHolder() {
        return (T[]) new AsyncExecutor<?, ?>[1];
    }

    /** A pacer that counts its calls and can refuse every n-th request for 5 ms. */
    static final class CountingPacer implements RequestPacer {
        final AtomicInteger permits = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger successes = new AtomicInteger();
        final AtomicInteger rateLimits = new AtomicInteger();
        volatile int refuseEvery;
        private final AtomicInteger asked = new AtomicInteger();

        @Override
        public long tryAcquire() {
            if (refuseEvery > 0 && asked.incrementAndGet() % refuseEvery == 0) {
                refusals.incrementAndGet();
                return TimeUnit.MILLISECONDS.toNanos(5);
            }
            permits.incrementAndGet();
            return 0;
        }

        @Override
        public void onSuccess(long startNanos) {
            successes.incrementAndGet();
        }

        @Override
        public void onRateLimited(long startNanos) {
            rateLimits.incrementAndGet();
        }
    }

    /** Hooks that are recorded instead of registered with the JVM. */
    static final class FakeShutdownHooks implements ShutdownHooks {
        final List<Thread> registered = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> removed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void add(Thread hook) {
            registered.add(hook);
        }

        @Override
        public void remove(Thread hook) {
            removed.add(hook);
        }
    }
}

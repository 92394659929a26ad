package dev.evals4j.execution;

import static dev.evals4j.execution.ExecutionStatus.COMPLETED;
import static dev.evals4j.execution.ExecutionStatus.COMPLETED_WITH_RETRIES;
import static dev.evals4j.execution.ExecutionStatus.DID_NOT_RUN;
import static dev.evals4j.execution.ExecutionStatus.FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.concurrency.SlidingWindow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.CompletionStage;

/** Statuses, outputs, retries and timeouts of the {@link AsyncExecutor} (Phoenix's own tests, ported). */
@Timeout(30)
class AsyncExecutorTest {

    private static final RetryPolicy NO_RETRIES = RetryPolicy.builder().maxAttempts(1).waitNone().build();

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static AsyncExecutor.Builder<Integer, Integer> failingAtTwo() {
        return AsyncExecutor.<Integer, Integer>forSync((x, attempt) -> {
            if (x == 2) {
                throw new IOException("input 2 fails");
            }
            return x;
        }).strategy(new SlidingWindow(1)).retryPolicy(NO_RETRIES).fallbackValue(52);
    }

    @Test
    void exitOnErrorStopsAtTheFirstFailureAndFillsTheRestWithTheFallback() {
        ExecutionResult<Integer> result = failingAtTwo().exitOnError(true).build().run(range(5));

        assertThat(result.outputs()).containsExactly(0, 1, 52, 52, 52);
        assertThat(result.statuses()).containsExactly(COMPLETED, COMPLETED, FAILED, DID_NOT_RUN, DID_NOT_RUN);
        assertThat(result.details()).extracting(d -> d.exceptions().size()).containsExactly(0, 0, 1, 0, 0);
        assertThat(result.details().get(2).lastException()).isInstanceOf(IOException.class);
    }

    @Test
    void withoutExitOnErrorTheOtherItemsComplete() {
        ExecutionResult<Integer> result = failingAtTwo().exitOnError(false).build().run(range(5));

        assertThat(result.outputs()).containsExactly(0, 1, 52, 3, 4);
        assertThat(result.statuses()).containsExactly(COMPLETED, COMPLETED, FAILED, COMPLETED, COMPLETED);
    }

    @Test
    void outputsFollowInputOrderWhateverOrderCallsFinishIn() {
        List<CompletableFuture<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            CompletableFuture<Integer> call = new CompletableFuture<>();
            calls.add(call);
            if (calls.size() == 5) { // finish them in reverse order of starting
                List<CompletableFuture<Integer>> started = new ArrayList<>(calls);
                Collections.reverse(started);
                started.forEach(f -> f.complete(10 * started.size()));
            }
            return call.thenApply(ignored -> x * 10);
        }).strategy(new SlidingWindow(5)).build();

        assertThat(executor.run(range(5)).outputs()).containsExactly(0, 10, 20, 30, 40);
    }

    @Test
    void twoFailuresThenASuccessCompleteWithRetries() {
        AtomicInteger calls = new AtomicInteger();
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((x, attempt) -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IOException("transient " + attempt.number());
            }
            return x + " after " + attempt.number();
        }).retryPolicy(RetryPolicy.builder().waitNone().build()).build();

        ExecutionResult<String> result = executor.run(List.of("a"));

        ExecutionDetails details = result.details().get(0);
        assertThat(details.status()).isEqualTo(COMPLETED_WITH_RETRIES);
        assertThat(details.attempts()).isEqualTo(3);
        assertThat(details.exceptions()).extracting(Throwable::getMessage).containsExactly("transient 1", "transient 2");
        assertThat(result.outputs()).containsExactly("a after 3");
    }

    @Test
    void aTaskThatAlwaysTimesOutFailsWithOneTimeoutPerAttemptAndIsCancelled() {
        List<CompletableFuture<String>> calls = Collections.synchronizedList(new ArrayList<>());
        SettableStrategy strategy = new SettableStrategy(2);
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>builder((x, attempt) -> {
            CompletableFuture<String> neverCompletes = new CompletableFuture<>();
            calls.add(neverCompletes);
            return neverCompletes;
        }).strategy(strategy).timeout(Duration.ofMillis(50))
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).waitNone().build()).fallbackValue("none").build();

        ExecutionResult<String> result = executor.run(List.of("hangs"));

        ExecutionDetails details = result.details().get(0);
        assertThat(details.status()).isEqualTo(FAILED);
        assertThat(details.attempts()).isEqualTo(3);
        assertThat(details.exceptions()).hasSize(3).allMatch(TimeoutException.class::isInstance);
        assertThat(result.outputs()).containsExactly("none");
        assertThat(calls).hasSize(3).allMatch(CompletableFuture::isCancelled);
        assertThat(strategy.timeouts).hasValue(3);
    }

    @Test
    void aBlockingCallThatTimesOutIsInterrupted() {
        AtomicInteger interrupted = new AtomicInteger();
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>forSync((x, attempt) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return x;
        }).timeout(Duration.ofMillis(50)).retryPolicy(NO_RETRIES).build();

        ExecutionResult<String> result = executor.run(List.of("blocks"));

        assertThat(result.statuses()).containsExactly(FAILED);
        assertThat(result.details().get(0).lastException()).isInstanceOf(TimeoutException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (interrupted.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(interrupted).hasValue(1);
    }

    @Test
    void nonRetryableFailuresFailAfterOneAttempt() {
        List<Throwable> failures = List.of(new IllegalArgumentException("bad input"), new AssertionError("wrong answer"),
                new NullPointerException("bug"));
        AsyncExecutor<Integer, String> executor = AsyncExecutor.<Integer, String>forSync((i, attempt) -> {
            Throwable failure = failures.get(i);
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }).retryPolicy(RetryPolicy.builder().maxAttempts(4).waitNone().build()).exitOnError(false).build();

        ExecutionResult<String> result = executor.run(range(3));

        assertThat(result.statuses()).containsOnly(FAILED);
        assertThat(result.details()).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(result.details()).extracting(ExecutionDetails::lastException).containsExactlyElementsOf(failures);
    }

    @Test
    void aTaskReturningNullInsteadOfAStageFails() {
        AsyncExecutor<String, String> executor = AsyncExecutor.<String, String>builder((x, attempt) -> null).build();

        ExecutionResult<String> result = executor.run(List.of("x"));

        assertThat(result.statuses()).containsExactly(FAILED);
        assertThat(result.details().get(0).lastException()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("returned null");
    }

    @Test
    void everyItemGetsExactlyOneFinishAndEveryCallbackComesFromTheCallersThread() {
        AtomicInteger callsOffWorkers = new AtomicInteger();
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, attempt) -> {
            if (!WorkerThreads.isWorkerThread()) {
                callsOffWorkers.incrementAndGet();
            }
            if (x % 7 == 0 && attempt.isFirst()) {
                throw new IOException("flaky");
            }
            return x;
        }).strategy(new SlidingWindow(8)).retryPolicy(RetryPolicy.builder().waitNone().build()).build();
        RecordingListener<Integer, Integer> listener = new RecordingListener<>();

        ExecutionSummary summary = executor.run(range(200).iterator(), listener);

        assertThat(summary.items()).isEqualTo(200);
        assertThat(summary.completed()).isEqualTo(200 - 29);
        assertThat(summary.completedWithRetries()).isEqualTo(29);
        assertThat(summary.retries()).isEqualTo(29);
        assertThat(callsOffWorkers).hasValue(0);
        assertThat(listener.details).hasSize(200);
        assertThat(listener.duplicateFinishes).isZero();
        assertThat(listener.threads).containsExactly(Thread.currentThread());
        assertThat(summary.peakConcurrency()).isBetween(1, 8);
        assertThat(WorkerThreads.isWorkerThread()).isFalse();
    }

    @Test
    void aFailingIteratorIsSurfacedAfterTheItemsTakenFinish() {
        Iterator<Integer> failsAfterThree = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 3) {
                    throw new IllegalStateException("line 4 is corrupt");
                }
                return next++;
            }
        };
        RecordingListener<Integer, Integer> listener = new RecordingListener<>();
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, a) -> x).build();

        assertThatThrownBy(() -> executor.run(failsAfterThree, listener))
                .isInstanceOfSatisfying(ExecutionAbortedException.class, e -> {
                    assertThat(e.getCause()).hasMessage("line 4 is corrupt");
                    assertThat(e.summary().items()).isEqualTo(3);
                    assertThat(e.summary().completed()).isEqualTo(3);
                });
        assertThat(listener.details).containsOnlyKeys(0L, 1L, 2L);
    }

    @Test
    void aThrowingListenerStopsTheRunAndIsSurfacedButEveryItemStillFinishes() {
        AsyncExecutor<Integer, Integer> executor = AsyncExecutor.<Integer, Integer>forSync((x, a) -> x)
                .strategy(new SlidingWindow(1)).build();
        List<Long> finished = Collections.synchronizedList(new ArrayList<>());
        ExecutionListener<Integer, Integer> broken = new ExecutionListener<>() {
            @Override
            public CompletionStage<?> itemFinished(long index, Integer input, Integer output, ExecutionDetails details) {
                finished.add(index);
                if (index == 1) {
                    throw new IllegalStateException("store is down");
                }
                return ExecutionListener.nothingHeld();
            }
        };

        assertThatThrownBy(() -> executor.run(range(100).iterator(), broken))
                .isInstanceOf(ExecutionAbortedException.class).hasRootCauseMessage("store is down");
        assertThat(finished).doesNotHaveDuplicates().contains(0L, 1L).hasSizeLessThan(100);
    }
}

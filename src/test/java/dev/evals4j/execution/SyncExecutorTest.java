package dev.evals4j.execution;

import static dev.evals4j.execution.ExecutionStatus.COMPLETED;
import static dev.evals4j.execution.ExecutionStatus.COMPLETED_WITH_RETRIES;
import static dev.evals4j.execution.ExecutionStatus.DID_NOT_RUN;
import static dev.evals4j.execution.ExecutionStatus.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link SyncExecutor}: the same statuses as the async one, on the caller's thread, without sleeping. */
@Timeout(30)
class SyncExecutorTest {

    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Sleeper recordingSleeper = waits::add;

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private SyncExecutor.Builder<Integer, Integer> failingAtTwo() {
        return SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            if (x == 2) {
                throw new IOException("input 2 fails");
            }
            return x;
        }).retryPolicy(RetryPolicy.noRetries()).fallbackValue(52).sleeper(recordingSleeper);
    }

    @Test
    void exitOnErrorStopsAtTheFirstFailure() {
        ExecutionResult<Integer> result = failingAtTwo().build().run(range(5));

        assertThat(result.outputs()).containsExactly(0, 1, 52, 52, 52);
        assertThat(result.statuses()).containsExactly(COMPLETED, COMPLETED, FAILED, DID_NOT_RUN, DID_NOT_RUN);
        assertThat(result.details()).extracting(d -> d.exceptions().size()).containsExactly(0, 0, 1, 0, 0);
    }

    @Test
    void withoutExitOnErrorTheOtherItemsComplete() {
        ExecutionResult<Integer> result = failingAtTwo().exitOnError(false).build().run(range(5));

        assertThat(result.outputs()).containsExactly(0, 1, 52, 3, 4);
        assertThat(result.statuses()).containsExactly(COMPLETED, COMPLETED, FAILED, COMPLETED, COMPLETED);
    }

    @Test
    void eachAttemptIsReportedAsOneCallInFlightUnderALimitOfOne() {
        List<String> events = new ArrayList<>();
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            if (attempt.isFirst() && x == 1) {
                throw new IOException("transient");
            }
            return x;
        }).sleeper(recordingSleeper).build();

        executor.run(range(2).iterator(), new ExecutionListener<>() {
            @Override
            public void concurrencyChanged(long tickerNanos, int inFlight, int limit) {
                events.add(inFlight + "/" + limit);
            }

            @Override
            public void attemptFailed(long index, Integer input, int attempt, Throwable failure, boolean rateLimited,
                    long retryDelayNanos) {
                events.add("failed " + input);
            }
        });

        assertThat(events).containsExactly("1/1", "0/1", "1/1", "0/1", "failed 1", "1/1", "0/1");
    }

    @Test
    void twoFailuresThenASuccessCompleteWithRetriesAfterThePolicysWaits() {
        SyncExecutor<String, String> executor = SyncExecutor.<String, String>builder((x, attempt) -> {
            if (attempt.number() <= 2) {
                throw new IOException("transient " + attempt.number());
            }
            return x;
        }).retryPolicy(RetryPolicy.builder().waitFixed(Duration.ofSeconds(2)).build()).sleeper(recordingSleeper).build();

        ExecutionDetails details = executor.run(List.of("a")).details().get(0);

        assertThat(details.status()).isEqualTo(COMPLETED_WITH_RETRIES);
        assertThat(details.attempts()).isEqualTo(3);
        assertThat(details.exceptions()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void rateLimitsAreRetriedAfterRetryAfterWithoutSpendingAttempts() {
        // Phoenix's sync executor failed these at once.
        SyncExecutor<String, String> executor = SyncExecutor.<String, String>builder((x, attempt) -> {
            if (attempt.number() <= 2) {
                throw new RateLimitedException("429", Duration.ofSeconds(7), null);
            }
            return "ok";
        }).retryPolicy(RetryPolicy.noRetries()).sleeper(recordingSleeper).random(new LowestJitter()).build();

        ExecutionResult<String> result = executor.run(List.of("a"));

        ExecutionDetails details = result.details().get(0);
        assertThat(details.status()).isEqualTo(COMPLETED_WITH_RETRIES);
        assertThat(details.rateLimitHits()).isEqualTo(2);
        assertThat(details.attempts()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(result.outputs()).containsExactly("ok");
    }

    @Test
    void nonRetryableFailuresFailAfterOneAttempt() {
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            if (x == 0) {
                throw new AssertionError("wrong answer");
            }
            throw new IllegalArgumentException("bad input");
        }).exitOnError(false).sleeper(recordingSleeper).build();

        ExecutionResult<Integer> result = executor.run(range(2));

        assertThat(result.statuses()).containsExactly(FAILED, FAILED);
        assertThat(result.details()).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(waits).isEmpty();
    }

    @Test
    void callsReadsAndCallbacksHappenOnOneCallThreadAndTheIteratorIsReadLazily() {
        java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Thread> callers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger read = new AtomicInteger();
        java.util.Iterator<Integer> endless = new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                readers.add(Thread.currentThread());
                return read.getAndIncrement();
            }
        };
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            callers.add(Thread.currentThread());
            if (x == 3) {
                throw new IllegalStateException("stop here");
            }
            return x;
        }).build();
        RecordingListener<Integer, Integer> listener = new RecordingListener<>();

        ExecutionSummary summary = executor.run(endless, listener);

        assertThat(read).hasValue(4);
        assertThat(summary.items()).isEqualTo(4);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(callers).singleElement().satisfies(thread -> assertThat(thread.getName()).startsWith("evals4j-call-"));
        assertThat(listener.threads).as("no call hands its result to another thread").isEqualTo(callers);
        assertThat(readers).isEqualTo(callers);
    }

    @Test
    void stopEndsTheRunAfterTheCurrentItemAndCutsAWaitShort() {
        SyncExecutor<Integer, Integer>[] holder = newHolder();
        holder[0] = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            if (x == 1) {
                holder[0].stop();
                throw new IOException("retry me in 30 s");
            }
            return x;
        }).retryPolicy(RetryPolicy.builder().waitFixed(Duration.ofSeconds(30)).build()).fallbackValue(-1).build();

        long start = System.nanoTime();
        ExecutionResult<Integer> result = holder[0].run(range(4));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.statuses()).containsExactly(COMPLETED, DID_NOT_RUN, DID_NOT_RUN, DID_NOT_RUN);
        assertThat(result.outputs()).containsExactly(0, -1, -1, -1);
        assertThat(result.details().get(1).exceptions()).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] newHolder() {
        return (T[]) new SyncExecutor<?, ?>[1];
    }

    /** Draws the lowest value every time, so that jittered waits are their base. */
    private static final class LowestJitter implements java.util.random.RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    }
}

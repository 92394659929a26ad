package dev.evals4j.execution;

import static dev.evals4j.execution.ExecutionStatus.COMPLETED;
import static dev.evals4j.execution.ExecutionStatus.DID_NOT_RUN;
import static dev.evals4j.execution.ExecutionStatus.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link SyncExecutor}'s timeout and stop: a call that hangs never blocks the run. The calls that
 * hang here never return on their own, so every timeout fires for certain; the timeouts are short
 * real durations (no call waits for one to pass), the stops are driven by latches.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SyncExecutorTimeoutTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final CountDownLatch never = new CountDownLatch(1);
    private final Set<Thread> callThreads = ConcurrentHashMap.newKeySet();

    /** Item 0 hangs until interrupted; every other item returns itself. */
    private SyncTask<Integer, Integer> zeroHangs() {
        return (x, attempt) -> {
            callThreads.add(Thread.currentThread());
            if (x == 0) {
                never.await();
            }
            return x;
        };
    }

    @Test
    void aCallThatNeverReturnsTimesOutAsAFailedAttemptAndIsRetriedByThePolicy() {
        RecordingListener<Integer, Integer> listener = new RecordingListener<>();
        SyncExecutor<Integer, Integer> executor = SyncExecutor.builder(zeroHangs()).timeout(SHORT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).waitNone().build()).exitOnError(false).build();

        ExecutionSummary summary = executor.run(List.of(0, 1).iterator(), listener);

        assertThat(summary.items()).isEqualTo(2);
        assertThat(listener.details.get(0L).status()).isEqualTo(FAILED);
        assertThat(listener.details.get(0L).attempts()).isEqualTo(2);
        assertThat(listener.details.get(0L).exceptions()).hasSize(2).allMatch(TimeoutException.class::isInstance)
                .allSatisfy(e -> assertThat(e).hasMessageContaining("exceeded the timeout of PT0.2S"));
        assertThat(listener.details.get(1L).status()).isEqualTo(COMPLETED);
        assertThat(listener.failedAttempts).containsExactly("0#1");
        assertThat(callThreads).as("each abandoned call's thread is replaced").hasSize(3)
                .doesNotContain(Thread.currentThread());
        assertThat(listener.threads).as("callbacks come from the call threads, one at a time")
                .isSubsetOf(callThreads);
        assertThat(callThreads).allSatisfy(thread -> {
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).startsWith("evals4j-call-");
        });
    }

    @Test
    void aCallThatIgnoresTheInterruptKeepsOnlyItsOwnDaemonThreadAndTheRunGoesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] stuck = new Thread[1];
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            callThreads.add(Thread.currentThread());
            if (x == 0) {
                stuck[0] = Thread.currentThread();
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // a call that ignores interruption
                    }
                }
            }
            return x;
        }).timeout(SHORT).retryPolicy(RetryPolicy.noRetries()).exitOnError(false).build();

        ExecutionResult<Integer> result = executor.run(List.of(0, 1, 2));

        assertThat(result.statuses()).containsExactly(FAILED, COMPLETED, COMPLETED);
        assertThat(stuck[0].isAlive()).isTrue();
        assertThat(stuck[0].isDaemon()).isTrue();
        assertThat(callThreads).hasSize(2).allMatch(Thread::isDaemon);
        release.countDown();
        stuck[0].join(10_000);
        assertThat(stuck[0].isAlive()).isFalse();
    }

    @Test
    void theShutdownHookEndsAHangingCallAfterTheGracePeriod() throws Exception {
        AsyncExecutorSchedulingTest.FakeShutdownHooks hooks = new AsyncExecutorSchedulingTest.FakeShutdownHooks();
        CountDownLatch started = new CountDownLatch(1);
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            started.countDown();
            never.await();
            return x;
        }).timeout(Duration.ofHours(1)).shutdownGrace(Duration.ofMillis(50)).shutdownHooks(hooks).fallbackValue(-1)
                .build();
        CompletableFuture<ExecutionResult<Integer>> run = CompletableFuture.supplyAsync(() -> executor.run(
                List.of(0, 1, 2)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread hook = hooks.registered.get(0);
        hook.start(); // what the JVM does on SIGINT/SIGTERM
        ExecutionResult<Integer> result = run.get(10, TimeUnit.SECONDS);
        hook.join(10_000);

        assertThat(result.statuses()).containsExactly(DID_NOT_RUN, DID_NOT_RUN, DID_NOT_RUN);
        assertThat(result.outputs()).containsExactly(-1, -1, -1);
        assertThat(hook.isAlive()).isFalse();
        assertThat(hooks.removed).containsExactly(hook);
    }

    @Test
    void aCallThatEndsWithinTheGracePeriodIsRecordedAndNoLaterItemRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            started.countDown();
            release.await();
            return x;
        }).timeout(Duration.ofHours(1)).shutdownGrace(Duration.ofHours(1)).build();
        CompletableFuture<ExecutionResult<Integer>> run = CompletableFuture.supplyAsync(() -> executor.run(
                List.of(7, 8)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        executor.stop();
        release.countDown();

        assertThat(run.get(10, TimeUnit.SECONDS).statuses()).containsExactly(COMPLETED, DID_NOT_RUN);
    }

    @Test
    void interruptingTheRunsThreadAbandonsTheCallAndStopsTheRun() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> {
            started.countDown();
            never.await();
            return x;
        }).timeout(Duration.ofHours(1)).build();
        CompletableFuture<ExecutionResult<Integer>> result = new CompletableFuture<>();
        Thread runner = new Thread(() -> result.complete(executor.run(List.of(0, 1))));
        runner.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        runner.interrupt();

        assertThat(result.get(10, TimeUnit.SECONDS).statuses()).containsExactly(DID_NOT_RUN, DID_NOT_RUN);
    }
}

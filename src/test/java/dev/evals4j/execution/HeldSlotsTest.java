package dev.evals4j.execution;

import static dev.evals4j.execution.ExecutionStatus.COMPLETED;
import static dev.evals4j.execution.ExecutionStatus.DID_NOT_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A finished item's slot stays held until the stage its listener answered completes: the executors
 * never have more than the limit in flight and held, dispatch again when a stage completes, wait for
 * every held stage before they return, and end the run when a stage fails. The stages are completed
 * by the test, never by a timer.
 */
@Timeout(60)
class HeldSlotsTest {

    private static final int LIMIT = 2;
    private static final int ITEMS = 10;

    private static List<Integer> inputs() {
        return IntStream.range(0, ITEMS).boxed().toList();
    }

    private static AsyncExecutor<Integer, Integer> async() {
        return AsyncExecutor.<Integer, Integer>forSync((x, attempt) -> x).strategy(new SettableStrategy(LIMIT))
                .build();
    }

    /**
     * Runs {@code executor} over the inputs on a thread of its own, so that the test can release its
     * held stages. Not on the default async pool: on JDK 25 with two cores, a run waiting for its stages
     * kept that pool's thread from the task that completes them, and every later test's run, and hung.
     */
    private static CompletableFuture<ExecutionSummary> runInBackground(Executor<Integer, Integer> executor,
            HoldingListener listener) {
        return CompletableFuture.supplyAsync(() -> executor.run(inputs().iterator(), listener), OWN_THREAD);
    }

    /** Starts every task on a new daemon thread. */
    private static final java.util.concurrent.Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "held-slots-test");
        thread.setDaemon(true);
        thread.start();
    };

    /**
     * Holds every completed item's slot until the test completes its stage, and checks on the executor's
     * thread, at each start, that the items in flight plus the stages not yet completed stay within the
     * limit. The test counts a stage as complete before it completes it, so this count never exceeds
     * what the executor itself counts.
     */
    private static final class HoldingListener implements ExecutionListener<Integer, Integer> {
        final BlockingQueue<Long> handed = new LinkedBlockingQueue<>();
        final Map<Long, CompletableFuture<Void>> stages = new ConcurrentHashMap<>();
        final Map<Long, ExecutionStatus> statuses = new ConcurrentHashMap<>();
        final List<Long> started = Collections.synchronizedList(new ArrayList<>());
        final List<String> overbooked = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger notReleased = new AtomicInteger();
        private final int limit;
        private int inFlight;

        HoldingListener(int limit) {
            this.limit = limit;
        }

        @Override
        public void itemStarted(long index, Integer input) {
            started.add(index);
            inFlight++;
            int occupied = inFlight + notReleased.get();
            if (occupied > limit) {
                overbooked.add("item " + index + " started with " + occupied + " slots taken");
            }
        }

        @Override
        public CompletionStage<?> itemFinished(long index, Integer input, Integer output, ExecutionDetails details) {
            statuses.put(index, details.status());
            if (started.contains(index)) {
                inFlight--;
            }
            if (details.status() != COMPLETED) {
                return ExecutionListener.nothingHeld();
            }
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.put(index, stage);
            notReleased.incrementAndGet();
            handed.add(index);
            return stage;
        }

        /** The next item whose stage was handed to the executor. */
        long nextHanded() throws InterruptedException {
            Long index = handed.poll(10, TimeUnit.SECONDS);
            assertThat(index).as("an item should have finished").isNotNull();
            return index;
        }

        void release(long index) {
            notReleased.decrementAndGet();
            stages.get(index).complete(null);
        }

        void fail(long index, RuntimeException failure) {
            notReleased.decrementAndGet();
            stages.get(index).completeExceptionally(failure);
        }
    }

    @Test
    void theAsyncExecutorNeverHasMoreThanTheLimitInFlightOrHeldAndDispatchesAgainWhenAStageCompletes()
            throws Exception {
        HoldingListener listener = new HoldingListener(LIMIT);
        AsyncExecutor<Integer, Integer> executor = async();
        CompletableFuture<ExecutionSummary> run = runInBackground(executor, listener);

        Deque<Long> holding = new ArrayDeque<>();
        int released = 0;
        while (released < ITEMS) {
            if (holding.size() < Math.min(LIMIT, ITEMS - released)) {
                holding.add(listener.nextHanded());
            } else {
                if (released == ITEMS - 1) {
                    assertThat(run).as("the run waits for the last held stage").isNotDone();
                }
                listener.release(holding.removeFirst());
                released++;
            }
        }

        assertThat(run.get(10, TimeUnit.SECONDS).completed()).isEqualTo(ITEMS);
        assertThat(listener.overbooked).isEmpty();
        assertThat(listener.started).hasSize(ITEMS);
    }

    @Test
    void aFailedStageEndsTheAsyncRunWithItsFailureAfterTheOtherHeldStagesComplete() throws Exception {
        HoldingListener listener = new HoldingListener(LIMIT);
        AsyncExecutor<Integer, Integer> executor = async();
        CompletableFuture<ExecutionSummary> run = runInBackground(executor, listener);
        long first = listener.nextHanded();
        long second = listener.nextHanded();

        listener.fail(first, new IllegalStateException("the commit of item " + first + " was lost"));
        assertThat(run).as("still waiting for the other held stage").isNotDone();
        listener.release(second);

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ExecutionAbortedException.class)
                .hasRootCauseMessage("the commit of item " + first + " was lost");
        assertThat(listener.started).containsExactlyInAnyOrder(first, second);
        assertThat(listener.statuses).containsEntry(first, COMPLETED).containsEntry(second, COMPLETED);
        assertThat(listener.statuses.values()).as("the items taken but not started").containsOnly(COMPLETED, DID_NOT_RUN);
        assertThat(listener.overbooked).isEmpty();
    }

    @Test
    void aStoppedAsyncRunWaitsForItsHeldStagesBeforeItReturns() throws Exception {
        HoldingListener listener = new HoldingListener(LIMIT);
        AsyncExecutor<Integer, Integer> executor = async();
        CompletableFuture<ExecutionSummary> run = runInBackground(executor, listener);
        long first = listener.nextHanded();
        long second = listener.nextHanded();

        executor.stop();
        assertThat(run).isNotDone();
        listener.release(first);
        assertThat(run).isNotDone();
        listener.release(second);

        ExecutionSummary summary = run.get(10, TimeUnit.SECONDS);
        assertThat(summary.completed()).isEqualTo(2);
        assertThat(summary.didNotRun()).isEqualTo(summary.items() - 2);
        assertThat(listener.started).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void theSyncExecutorWaitsForEachItemsStageBeforeItTakesTheNext() throws Exception {
        HoldingListener listener = new HoldingListener(1);
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> x).build();
        CompletableFuture<ExecutionSummary> run = runInBackground(executor, listener);

        for (long expected = 0; expected < ITEMS; expected++) {
            assertThat(listener.nextHanded()).isEqualTo(expected);
            if (expected == ITEMS - 1) {
                assertThat(run).as("the run waits for the last held stage").isNotDone();
            }
            listener.release(expected);
        }

        assertThat(run.get(10, TimeUnit.SECONDS).completed()).isEqualTo(ITEMS);
        assertThat(listener.overbooked).isEmpty();
    }

    @Test
    void aFailedStageEndsTheSyncRunWithItsFailureBeforeTheNextItemStarts() {
        HoldingListener listener = new HoldingListener(1);
        SyncExecutor<Integer, Integer> executor = SyncExecutor.<Integer, Integer>builder((x, attempt) -> x).build();
        CompletableFuture<ExecutionSummary> run = runInBackground(executor, listener);

        CompletableFuture.runAsync(() -> {
            try {
                listener.fail(listener.nextHanded(), new IllegalStateException("the commit of item 0 was lost"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, OWN_THREAD);

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ExecutionAbortedException.class)
                .hasRootCauseMessage("the commit of item 0 was lost");
        assertThat(listener.started).containsExactly(0L);
    }
}

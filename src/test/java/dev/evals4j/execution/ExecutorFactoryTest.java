package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.concurrency.SlidingWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ExecutorFactory}: which executor, why, one log line, and nesting without deadlock. */
@Timeout(30)
class ExecutorFactoryTest {

    private final Logger log = Logger.getLogger(ExecutorFactory.class.getName());
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setLevel(previousLevel);
    }

    @Test
    void choosesAsAnnounced() {
        ExecutionSettings settings = ExecutionSettings.defaults();

        assertThat(ExecutorFactory.choose(true, settings).kind()).isEqualTo(ExecutorFactory.Kind.ASYNC);
        assertThat(ExecutorFactory.choose(false, settings).kind()).isEqualTo(ExecutorFactory.Kind.SYNC);
        assertThat(ExecutorFactory.choose(false, settings.withConcurrent(true)).kind())
                .isEqualTo(ExecutorFactory.Kind.ASYNC);
        assertThat(ExecutorFactory.choose(true, settings.withRunSync(true)))
                .isEqualTo(new ExecutorFactory.Choice(ExecutorFactory.Kind.SYNC, "sequential execution was requested"));
    }

    @Test
    void buildsTheChosenExecutorAndLogsOneLineSayingWhy() {
        Executor<Integer, Integer> async = ExecutorFactory.forSync((Integer x, Attempt a) -> x,
                ExecutionSettings.defaults().withConcurrent(true), -1);
        Executor<Integer, Integer> sync = ExecutorFactory.forAsync(
                (Integer x, Attempt a) -> CompletableFuture.completedFuture(x + 1),
                ExecutionSettings.defaults().withRunSync(true), -1);

        assertThat(async).isInstanceOf(AsyncExecutor.class);
        assertThat(sync).isInstanceOf(SyncExecutor.class);
        assertThat(sync.run(List.of(1, 2)).outputs()).containsExactly(2, 3);
        assertThat(records).as("one line per executor, at DEBUG (FINE): it is not news on every run")
                .hasSize(2).allMatch(r -> r.getLevel() == Level.FINE);
        assertThat(records.get(0).getParameters()[1]).isEqualTo("concurrency is on");
        assertThat(records.get(1).getParameters()[1]).isEqualTo("sequential execution was requested");
    }

    @Test
    void aTaskThatRunsANestedExecutorCompletesBecauseTheNestedOneIsSync() {
        List<Class<?>> nestedKinds = Collections.synchronizedList(new ArrayList<>());
        ExecutionSettings concurrent = ExecutionSettings.defaults().withConcurrent(true)
                .withStrategy(() -> new SlidingWindow(2));
        Executor<Integer, Integer> outer = ExecutorFactory.forSync((Integer x, Attempt a) -> {
            Executor<Integer, Integer> inner = ExecutorFactory.forSync((Integer y, Attempt b) -> x * y, concurrent, 0);
            nestedKinds.add(inner.getClass());
            return inner.run(IntStream.rangeClosed(1, 3).boxed().toList()).outputs().stream()
                    .mapToInt(Integer::intValue).sum();
        }, concurrent, -1);

        ExecutionResult<Integer> result = outer.run(List.of(1, 2, 3, 4));

        assertThat(outer).isInstanceOf(AsyncExecutor.class);
        assertThat(result.outputs()).containsExactly(6, 12, 18, 24);
        assertThat(nestedKinds).hasSize(4).containsOnly(SyncExecutor.class);
        assertThat(records).filteredOn(r -> String.valueOf(r.getParameters()[1]).contains("worker thread")).hasSize(4);
    }

    @Test
    void anExecutorNestedInASequentialCallRunsItsCallsOnThatCallsThread() {
        List<Class<?>> nestedKinds = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> sameThread = Collections.synchronizedList(new ArrayList<>());
        ExecutionSettings concurrent = ExecutionSettings.defaults().withConcurrent(true)
                .withStrategy(() -> new SlidingWindow(2));
        Executor<Integer, Integer> outer = ExecutorFactory.forSync((Integer x, Attempt a) -> {
            Thread outerCall = Thread.currentThread();
            Executor<Integer, Integer> inner = ExecutorFactory.forSync((Integer y, Attempt b) -> {
                sameThread.add(Thread.currentThread() == outerCall);
                return x * y;
            }, concurrent, 0);
            nestedKinds.add(inner.getClass());
            return inner.run(List.of(1, 2)).outputs().stream().mapToInt(Integer::intValue).sum();
        }, ExecutionSettings.defaults(), -1);

        ExecutionResult<Integer> result = outer.run(List.of(1, 2));

        assertThat(outer).isInstanceOf(SyncExecutor.class);
        assertThat(result.outputs()).containsExactly(3, 6);
        assertThat(nestedKinds).containsExactly(SyncExecutor.class, SyncExecutor.class);
        assertThat(sameThread).hasSize(4).containsOnly(true);
    }
}

package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.dataset.Row;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionListener;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.InMemoryResultStore;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.StoreException;
import dev.evals4j.storage.ResultStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RecordingListenerTest {

    private final InMemoryResultStore store = new InMemoryResultStore();
    private final long experiment = store.openExperiment("e", "S#m", Map.of(), null).id();
    private final List<String> delegated = new ArrayList<>();
    private final ExecutionListener<RowItem, RowOutcome> delegate = new ExecutionListener<>() {
        @Override
        public CompletionStage<?> itemFinished(long index, RowItem input, RowOutcome output,
                ExecutionDetails details) {
            delegated.add(input.row().id());
            return ExecutionListener.nothingHeld();
        }
    };
    private final RecordingListener listener = new RecordingListener(delegate, store, experiment, "e");

    private static RowItem item(String id) {
        return new RowItem(new Row(id, 0, Map.of("q", id), "test"), 1, false);
    }

    private static ExecutionDetails details(ExecutionStatus status, Throwable... failures) {
        return new ExecutionDetails(status, List.of(failures), Math.max(1, failures.length), 0, Instant.EPOCH,
                Instant.EPOCH, 0.1);
    }

    @Test
    void recordsCompletedAndFailedRowsWithTheirOutputScoresHistoryAndHash() {
        listener.itemFinished(0, item("a"), new RowOutcome(true, List.of(1, 2), Map.of("s", 1.0), List.of(), Map.of()),
                details(ExecutionStatus.COMPLETED));
        listener.itemFinished(1, item("b"), null, details(ExecutionStatus.FAILED, new IOException("down")));

        Map<RunKey, RunRecord> runs = store.lookup(experiment, List.of(new RunKey("a", 0), new RunKey("b", 0)));
        assertThat(runs.get(new RunKey("a", 0))).satisfies(run -> {
            assertThat(run.outputJson()).isEqualTo("[1,2]");
            assertThat(run.scoresJson()).contains("\"name\":\"s\"");
            assertThat(run.contentHash()).isEqualTo(item("a").row().contentHash());
        });
        assertThat(runs.get(new RunKey("b", 0))).satisfies(run -> {
            assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(run.error()).contains("down");
        });
        assertThat(listener.recorded()).isEqualTo(2);
        assertThat(listener.firstFailedRow()).isEqualTo("b");
        assertThat(delegated).containsExactly("a", "b");
    }

    @Test
    void theFirstStoreFailureIsThrownNamingTheRowAndLaterRowsAreStillReported() {
        store.close();

        assertThatThrownBy(() -> listener.itemFinished(0, item("a"), RowOutcome.pass(),
                details(ExecutionStatus.COMPLETED)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not record row 'a'").hasMessageContaining("experiment 'e'");
        listener.itemFinished(1, item("b"), RowOutcome.pass(), details(ExecutionStatus.COMPLETED));

        assertThat(delegated).containsExactly("a", "b");
        assertThat(listener.failure()).isNotNull();
    }

    @Test
    @Timeout(10)
    void aCompletedRowHandsBackItsCommitWithoutWaitingAndAFailedRowHoldsNothing() {
        Map<String, CompletableFuture<Void>> commits = new LinkedHashMap<>();
        RecordingListener recorder = new RecordingListener(delegate, committingByHand(commits), experiment, "e", null);

        CompletableFuture<?> a = recorder.itemFinished(0, item("a"), RowOutcome.pass(),
                details(ExecutionStatus.COMPLETED)).toCompletableFuture();
        CompletionStage<?> b = recorder.itemFinished(1, item("b"), null,
                details(ExecutionStatus.FAILED, new IOException("down")));
        CompletableFuture<?> c = recorder.itemFinished(2, item("c"), RowOutcome.pass(),
                details(ExecutionStatus.COMPLETED)).toCompletableFuture();

        assertThat(commits).containsOnlyKeys("a", "c");
        assertThat((Object) b).as("nothing held").isSameAs(ExecutionListener.nothingHeld());
        assertThat(a).as("held until its commit lands").isNotDone();
        commits.get("a").complete(null);
        assertThat(a).isCompleted();
        assertThat(c).isNotDone();
        commits.get("c").complete(null);
        assertThat(c).isCompleted();
        assertThat(store.lookup(experiment, List.of(new RunKey("b", 0)))).as("recorded all the same").isNotEmpty();
    }

    @Test
    void aCommitThatFailsFailsItsRowsStageNamingTheRowAndEveryLaterStageWithTheSameFailure() {
        Map<String, CompletableFuture<Void>> commits = new LinkedHashMap<>();
        RecordingListener recorder = new RecordingListener(delegate, committingByHand(commits), experiment, "e", null);
        CompletableFuture<?> a = recorder.itemFinished(0, item("a"), RowOutcome.pass(),
                details(ExecutionStatus.COMPLETED)).toCompletableFuture();
        CompletableFuture<?> b = recorder.itemFinished(1, item("b"), RowOutcome.pass(),
                details(ExecutionStatus.COMPLETED)).toCompletableFuture();

        StoreException lost = new StoreException("Could not write to /tmp/x.db: disk full");
        commits.get("a").completeExceptionally(lost);
        commits.get("b").completeExceptionally(lost);

        assertThatThrownBy(a::join).hasCauseInstanceOf(StoreException.class)
                .cause().hasMessageContaining("Could not record row 'a'").hasMessageContaining("/tmp/x.db: disk full");
        assertThatThrownBy(b::join).cause().isSameAs(recorder.failure());
        assertThat(recorder.failure()).hasMessageContaining("row 'a'");
        CompletionStage<?> later = recorder.itemFinished(2, item("c"), RowOutcome.pass(),
                details(ExecutionStatus.COMPLETED));
        assertThat((Object) later).as("no longer recorded").isSameAs(ExecutionListener.nothingHeld());
        assertThat(commits).containsOnlyKeys("a", "b");
        assertThat(delegated).containsExactly("a", "b", "c");
    }

    /**
     * {@link #store}, except that a run's commit stage, kept in {@code commits} by row id, completes only
     * when the test completes it.
     */
    private ResultStore committingByHand(Map<String, CompletableFuture<Void>> commits) {
        return (ResultStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultStore.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("recordCommitted")) {
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    RunRecord run = (RunRecord) args[0];
                    store.record(run);
                    CompletableFuture<Void> commit = new CompletableFuture<>();
                    commits.put(run.rowId(), commit);
                    return commit;
                });
    }
}

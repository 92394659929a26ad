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
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordingListenerTest {

    private final InMemoryResultStore store = new InMemoryResultStore();
    private final long experiment = store.openExperiment("e", "S#m", Map.of(), null).id();
    private final List<String> delegated = new ArrayList<>();
    private final ExecutionListener<RowItem, RowOutcome> delegate = new ExecutionListener<>() {
        @Override
        public void itemFinished(long index, RowItem input, RowOutcome output, ExecutionDetails details) {
            delegated.add(input.row().id());
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
}

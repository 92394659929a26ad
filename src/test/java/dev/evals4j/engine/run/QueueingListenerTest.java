package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.dataset.Row;
import dev.evals4j.engine.config.ReportMode;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine thread is handed for each row: only the events it reports in the method's report mode. */
class QueueingListenerTest {

    private final EventQueue queue = new EventQueue();
    private final RowItem item = new RowItem(new Row("r1", 0, Map.of("q", "1"), "test"), 1, false);
    private final ExecutionDetails completed = new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0,
            Instant.EPOCH, Instant.EPOCH, 0.1);

    @Test
    void underSummaryARowThatRunsAndEndsQueuesOnlyItsEnd() throws InterruptedException {
        QueueingListener listener = new QueueingListener(queue, ReportMode.SUMMARY);

        runOneRow(listener);

        assertThat(queued()).singleElement().isInstanceOf(RowEvent.Finished.class);
    }

    @Test
    void withRowsReportedARowQueuesItsStartAndItsEnd() throws InterruptedException {
        QueueingListener listener = new QueueingListener(queue, ReportMode.ROWS);

        runOneRow(listener);

        assertThat(queued()).extracting(Object::getClass).containsExactly(RowEvent.Started.class, RowEvent.Finished.class);
    }

    @Test
    void theCallsInFlightAreReadFromTheListenerNotQueued() throws InterruptedException {
        QueueingListener listener = new QueueingListener(queue, ReportMode.ROWS);

        listener.concurrencyChanged(0, 3, 10);

        assertThat(listener.inFlight()).isEqualTo(3);
        assertThat(queued()).isEmpty();
    }

    private void runOneRow(QueueingListener listener) {
        listener.itemStarted(0, item);
        listener.concurrencyChanged(0, 1, 1);
        listener.concurrencyChanged(0, 0, 1);
        listener.itemFinished(0, item, RowOutcome.pass(), completed);
    }

    private List<RowEvent> queued() throws InterruptedException {
        List<RowEvent> events = new ArrayList<>();
        queue.takeBatch(events, 0, 0);
        return events;
    }
}

package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.dataset.MalformedEntry;
import dev.evals4j.dataset.Row;
import dev.evals4j.engine.config.ReportMode;
import dev.evals4j.engine.descriptor.DatasetLines;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.fixtures.PlainEvals;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.report.ObservedRow;
import dev.evals4j.report.RowEnding;
import dev.evals4j.report.RowObserver;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;

class RowReporterTest {

    private final List<String> calls = new ArrayList<>();
    private final EngineExecutionListener listener = new EngineExecutionListener() {
        @Override
        public void dynamicTestRegistered(TestDescriptor d) {
            calls.add("registered " + name(d));
        }

        @Override
        public void executionStarted(TestDescriptor d) {
            calls.add("started " + name(d));
        }

        @Override
        public void executionFinished(TestDescriptor d, TestExecutionResult result) {
            calls.add("finished " + name(d) + " " + result.getStatus()
                    + result.getThrowable().map(t -> " " + t.getMessage()).orElse(""));
        }

        @Override
        public void reportingEntryPublished(TestDescriptor d, ReportEntry entry) {
            calls.add("entry " + name(d) + " " + entry.getKeyValuePairs().keySet());
        }
    };

    private static String name(TestDescriptor d) {
        return d.getUniqueId().getLastSegment().getValue();
    }

    private final ForEachMethodDescriptor method;

    RowReporterTest() throws NoSuchMethodException {
        method = new ForEachMethodDescriptor(UniqueId.forEngine("evals4j").append("class", PlainEvals.class.getName()),
                PlainEvals.class, PlainEvals.class.getMethod("answers", String.class, String.class));
    }

    private static RowItem item(String id) {
        return new RowItem(new Row(id, 0, Map.of("question", "q-" + id), "qa.jsonl:1"), 1, false);
    }

    private static ExecutionDetails completed() {
        return new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0, Instant.now(), Instant.now(), 0.01);
    }

    @Test
    void rowsAreRegisteredWhenTheyStartAndOverlapUntilTheyFinish() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.ROWS, false, false);
        RowItem a = item("a");
        RowItem b = item("b");

        reporter.handle(new RowEvent.Started(a));
        reporter.handle(new RowEvent.Published(a, "output", "x"));
        reporter.handle(new RowEvent.Started(b));
        reporter.handle(new RowEvent.AttemptFailed(b, 1, new IOException("reset"), false));
        reporter.handle(new RowEvent.Finished(b, RowOutcome.pass(),
                new ExecutionDetails(ExecutionStatus.COMPLETED_WITH_RETRIES, List.of(new IOException("reset")), 2, 0,
                        Instant.now(), Instant.now(), 0.02)));
        reporter.handle(new RowEvent.Finished(a, RowOutcome.pass(), completed()));

        assertThat(calls).containsExactly(
                "registered a", "started a", "entry a [output]",
                "registered b", "started b", "entry b [evals4j.attempt.1]",
                "entry b [evals4j.status, evals4j.attempts, evals4j.executionSeconds]", "finished b SUCCESSFUL",
                "entry a [evals4j.status, evals4j.attempts, evals4j.executionSeconds]", "finished a SUCCESSFUL");
        assertThat(method.getChildren()).hasSize(2);
        assertThat(reporter.summary().retries()).isEqualTo(1);
    }

    @Test
    void rowsShareTheirMethodsSourceInsteadOfOneEach() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.ROWS, false, false);

        reporter.handle(new RowEvent.Started(item("a")));
        reporter.handle(new RowEvent.Started(item("b")));

        assertThat(method.getChildren()).hasSize(2).allSatisfy(row ->
                assertThat(row.getSource().orElseThrow()).isSameAs(method.getSource().orElseThrow()));
    }

    /**
     * A unique id keeps its text once asked for it (about 180 bytes for a row, in a soft reference that
     * a full GC keeps), and the test plan keeps every row's unique id: no one asks for it here.
     */
    @Test
    void reportedRowsLeaveTheirUniqueIdsUnformattedWhenNoObserverAsks() throws ReflectiveOperationException {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.ROWS, false, false);
        RowItem row = item("a");

        reporter.handle(new RowEvent.Started(row));
        reporter.handle(new RowEvent.AttemptFailed(row, 1, new IOException("reset"), false));
        reporter.handle(new RowEvent.Finished(row, RowOutcome.pass(), completed()));

        Field text = UniqueId.class.getDeclaredField("toString");
        text.setAccessible(true);
        assertThat(method.getChildren()).singleElement().satisfies(descriptor ->
                assertThat(text.get(descriptor.getUniqueId())).as("the unique id's cached text").isNull());
    }

    @Test
    void theObserverMayDropWhatItKeepsForARowThatIsNotReported() {
        List<String> dropped = new ArrayList<>();
        RowObserver observer = new RowObserver() {
            @Override
            public void rowStarted(ObservedRow row) {}

            @Override
            public void attemptFailed(UniqueId uniqueId, int attempt, Throwable failure, boolean rateLimited) {}

            @Override
            public void rowFinishing(UniqueId uniqueId, RowEnding ending) {}

            @Override
            public void rowNotReported(String rowId, int repetition) {
                dropped.add(rowId + "#" + repetition);
            }
        };
        RowReporter summary = new RowReporter(listener, method, ReportMode.SUMMARY, false, false, observer, DatasetLines.NONE);
        RowReporter failures = new RowReporter(listener, method, ReportMode.FAILURES, false, true, observer, DatasetLines.NONE);

        summary.handle(new RowEvent.Finished(item("a"), RowOutcome.pass(), completed()));
        failures.handle(new RowEvent.Finished(new RowItem(item("b").row(), 2, true), RowOutcome.pass(), completed()));
        failures.handle(new RowEvent.Finished(item("c"), RowOutcome.failed(new AssertionError("wrong")), completed()));

        assertThat(dropped).containsExactly("a#0", "b#2");
    }

    @Test
    void summaryModeKeepsNoStatePerRow() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.SUMMARY, false, false);

        for (int i = 0; i < 10_000; i++) {
            RowItem row = item("r" + i);
            reporter.handle(new RowEvent.Started(row));
            reporter.handle(new RowEvent.Published(row, "output", "x"));
            reporter.handle(new RowEvent.AttemptFailed(row, 1, new IOException("reset"), false));
            reporter.handle(new RowEvent.Finished(row, RowOutcome.pass(), completed()));
        }

        assertThat(reporter.summary().rows()).isEqualTo(10_000);
        assertThat(reporter.retainedRows()).isZero();
        assertThat(method.getChildren()).isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void aMalformedLineIsAFailedRowNamingFileAndLine() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.ROWS, false, false);

        reporter.handle(new RowEvent.Malformed(new MalformedEntry(3, "qa.jsonl:4", "Unexpected character '}'")));

        assertThat(calls).containsExactly("registered 3", "started 3",
                "finished 3 FAILED Malformed dataset entry at qa.jsonl:4: Unexpected character '}'");
        assertThat(reporter.summary().failures()).isEqualTo(1);
    }

    @Test
    void aRepeatedRowIdGetsAUniqueIdOfItsOwnAndAWarning() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.ROWS, false, false);
        RowItem first = new RowItem(new Row("dup", 0, Map.of(), "qa.jsonl:1"), 1, false);
        RowItem second = new RowItem(new Row("dup", 4, Map.of(), "qa.jsonl:5"), 1, false);

        reporter.handle(new RowEvent.Started(first));
        reporter.handle(new RowEvent.Started(second));

        assertThat(calls).containsExactly("registered dup", "started dup", "registered dup@4", "started dup@4",
                "entry dup@4 [evals4j.warning]");
    }

    @Test
    void failuresModeRegistersOnlyRowsThatDidNotSucceed() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.FAILURES, false, false);
        RowItem a = item("a");
        RowItem b = item("b");

        reporter.handle(new RowEvent.Started(a));
        reporter.handle(new RowEvent.Started(b));
        reporter.handle(new RowEvent.Published(b, "output", "y"));
        reporter.handle(new RowEvent.Finished(a, RowOutcome.pass(), completed()));
        reporter.handle(new RowEvent.Finished(b, null, new ExecutionDetails(ExecutionStatus.FAILED,
                List.of(new IOException("down")), 1, 0, Instant.now(), Instant.now(), 0.01)));

        assertThat(calls).containsExactly("registered b", "started b", "entry b [output]",
                "entry b [evals4j.status, evals4j.attempts, evals4j.executionSeconds]", "finished b FAILED down");
        assertThat(reporter.summary().rows()).isEqualTo(2);
    }

    @Test
    void summaryModeRegistersNothing() {
        RowReporter reporter = new RowReporter(listener, method, ReportMode.SUMMARY, false, false);
        RowItem a = item("a");
        reporter.handle(new RowEvent.Started(a));
        reporter.handle(new RowEvent.Finished(a, null, ExecutionDetails.didNotRun()));
        reporter.handle(new RowEvent.Malformed(new MalformedEntry(3, "qa.jsonl:4", "bad")));
        assertThat(calls).isEmpty();
        assertThat(reporter.summary().rows()).isEqualTo(2);
    }
}

package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.descriptor.RowDescriptor;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Experiments through the engine: recording, resuming, content changes, repetitions, stopping on the first error. */
class ResumeTest {

    @TempDir
    Path directory;

    private ExperimentKit kit;

    @BeforeEach
    void setUp() {
        kit = new ExperimentKit(directory);
        ExperimentEvals.reset(10);
    }

    @Test
    void everyFinishedRowIsRecordedAndTheExperimentCompletes() {
        ExperimentEvals.FAILING.add("r3");

        kit.run(ExperimentEvals.Rows.class, "first", Map.of());

        List<RunRecord> runs = kit.runs("first");
        assertThat(runs).hasSize(10);
        assertThat(runs).filteredOn(r -> r.rowId().equals("r3")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED))
                .satisfies(r -> assertThat(r.error()).contains("the provider failed for r3"));
        assertThat(runs).filteredOn(r -> r.rowId().equals("r4")).singleElement()
                .satisfies(r -> assertThat(r.outputJson()).isEqualTo("\"answer 4\""))
                .satisfies(r -> assertThat(r.passed()).isTrue());
        assertThat(runs).filteredOn(r -> r.rowId().equals("r5")).singleElement()
                .satisfies(r -> assertThat(r.passed()).isFalse());
        assertThat(runs).allSatisfy(r -> assertThat(r.contentHash()).isNotBlank());
        assertThat(kit.experiments()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(e.suite()).isEqualTo(ExperimentEvals.Rows.class.getName() + "#answers");
            assertThat(e.config()).containsEntry("evals4j.repetitions", "1");
        });
    }

    @Test
    void runningTheSameExperimentAgainCallsNothingAndReportsEveryRowRestored() {
        EngineExecutionResults first = kit.run(ExperimentEvals.Rows.class, "idempotent", Map.of());
        ExperimentEvals.CALLS.clear();

        EngineExecutionResults second = kit.run(ExperimentEvals.Rows.class, "idempotent", Map.of());

        assertThat(ExperimentEvals.totalCalls()).isZero();
        first.testEvents().assertStatistics(stats -> stats.started(10).succeeded(5).failed(5));
        second.testEvents().assertStatistics(stats -> stats.started(10).succeeded(5).failed(5));
        assertThat(second.testEvents().started().map(e -> e.getTestDescriptor().getDisplayName()))
                .allSatisfy(name -> assertThat(name).contains(RowDescriptor.RESTORED_MARKER));
        assertThat(second.testEvents().reportingEntryPublished().map(ResumeTest::entry))
                .hasSize(10).allSatisfy(entry -> assertThat(entry).containsEntry(RestoredRows.RESTORED_KEY, "true"));
        assertThat(second.testEvents().failed().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow().getMessage()))
                .contains("Row 'r1' failed (restored from the experiment, not run again): even=0.000");
        assertThat(summary(second)).contains("rows=10");
        assertThat(kit.runs("idempotent")).hasSize(10);
    }

    @Test
    void aChangedRowRunsAgainAndOnlyThatRow() {
        kit.run(ExperimentEvals.Rows.class, "changed", Map.of());
        ExperimentEvals.CALLS.clear();
        List<Map<String, Object>> rows = new java.util.ArrayList<>(ExperimentEvals.rows);
        rows.set(6, Map.of("id", "r7", "n", 70));
        ExperimentEvals.rows = rows;

        kit.run(ExperimentEvals.Rows.class, "changed", Map.of());

        assertThat(ExperimentEvals.CALLS).containsOnlyKeys("r7#1");
        assertThat(ExperimentEvals.CALLS.get("r7#1")).hasValue(1);
    }

    @Test
    void failedAndMissingRowsRunAgainAndCompletedOnesDoNot() {
        ExperimentEvals.reset(6);
        ExperimentEvals.FAILING.add("r2");
        kit.run(ExperimentEvals.Rows.class, "partial", Map.of());
        ExperimentEvals.reset(8);

        kit.run(ExperimentEvals.Rows.class, "partial", Map.of());

        assertThat(ExperimentEvals.CALLS).containsOnlyKeys("r2#1", "r7#1", "r8#1");
        assertThat(kit.runs("partial")).hasSize(8).allSatisfy(r -> assertThat(r.status().isCompleted()).isTrue());
    }

    @Test
    void repetitionsAreRecordedPerRepetitionAndResumed() {
        ExperimentEvals.reset(4);
        EngineExecutionResults first = kit.run(ExperimentEvals.Rows.class, "repeated",
                Map.of("evals4j.repetitions", "3"));
        ExperimentEvals.CALLS.clear();

        EngineExecutionResults second = kit.run(ExperimentEvals.Rows.class, "repeated",
                Map.of("evals4j.repetitions", "3"));

        first.testEvents().assertStatistics(stats -> stats.started(12));
        second.testEvents().assertStatistics(stats -> stats.started(12).succeeded(6).failed(6));
        assertThat(ExperimentEvals.totalCalls()).isZero();
        assertThat(kit.runs("repeated")).extracting(r -> r.rowId() + "#" + r.repetition())
                .containsExactlyInAnyOrder("r1#0", "r1#1", "r1#2", "r2#0", "r2#1", "r2#2",
                        "r3#0", "r3#1", "r3#2", "r4#0", "r4#1", "r4#2");
        assertThat(summary(second)).contains("rows=12", "agreement=1.000");
    }

    @Test
    void anExperimentNamedOnTheAnnotationResumesWithoutAKey() {
        kit.run(ExperimentEvals.Named.class, Map.of());
        ExperimentEvals.CALLS.clear();

        kit.run(ExperimentEvals.Named.class, Map.of());

        assertThat(ExperimentEvals.totalCalls()).isZero();
        assertThat(kit.experiments()).extracting(ExperimentInfo::name).containsExactly("annotated");
    }

    @Test
    void runsWithoutANameAreNewExperimentsEachTime() {
        kit.run(ExperimentEvals.Rows.class, Map.of());
        kit.run(ExperimentEvals.Rows.class, Map.of());

        assertThat(ExperimentEvals.totalCalls()).isEqualTo(20);
        assertThat(kit.experiments()).hasSize(2).extracting(ExperimentInfo::name)
                .allSatisfy(name -> assertThat(name).startsWith(ExperimentEvals.Rows.class.getName() + "#answers@"))
                .doesNotHaveDuplicates();
    }

    @Test
    @Timeout(60)
    void stopOnFirstErrorWithConcurrencyOneAndThousandsPendingReturnsAbortedNamingTheRow() {
        ExperimentEvals.reset(2_500);
        ExperimentEvals.FAILING.add("r5");

        EngineExecutionResults results = kit.run(ExperimentEvals.Rows.class, "stopping",
                Map.of("evals4j.stopOnFirstError", "true"));

        assertThat(ExperimentEvals.totalCalls()).isEqualTo(5);
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("answers"),
                abortedWithReason(message(m -> m.contains("stopped after the first row that ended with an error 'r5'")))));
        assertThat(kit.experiments()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.ABORTED));

        ExperimentEvals.FAILING.clear();
        ExperimentEvals.CALLS.clear();
        kit.run(ExperimentEvals.Rows.class, "stopping", Map.of("evals4j.stopOnFirstError", "true",
                "evals4j.report", "summary"));

        assertThat(ExperimentEvals.totalCalls()).isEqualTo(2_500 - 4);
        assertThat(kit.experiments()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.COMPLETED));
    }

    @Test
    @Timeout(60)
    void stopOnFirstErrorStopsAConcurrentMethodPromptlyToo() {
        ExperimentEvals.reset(3_000);
        ExperimentEvals.FAILING.add("r10");

        EngineExecutionResults results = kit.run(ExperimentEvals.ConcurrentRows.class, "stopping-concurrent",
                Map.of("evals4j.stopOnFirstError", "true", "evals4j.report", "failures"));

        assertThat(ExperimentEvals.totalCalls()).isLessThan(100);
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("answers"),
                abortedWithReason(message(m -> m.contains("'r10'")))));
    }

    private static Map<String, String> entry(Event event) {
        return event.getRequiredPayload(ReportEntry.class).getKeyValuePairs();
    }

    private static String summary(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("evals4j.summary"))
                .filter(s -> s != null).findFirst().orElseThrow();
    }
}

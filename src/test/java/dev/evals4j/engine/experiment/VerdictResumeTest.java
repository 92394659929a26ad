package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import dev.evals4j.storage.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * A thrown assertion is the row's verdict: recorded as a completed row that failed, never retried,
 * restored on resume like a passing row, and re-run only under {@code evals4j.resume.rerun=failures}.
 */
class VerdictResumeTest {

    private static final String WRONG_PROMPT = "What is 2 + 6?";
    private static final String RIGHT_PROMPT = "What is 1 + 3?";

    @TempDir
    Path directory;

    private ExperimentKit kit;
    private SimulatedProvider provider;

    @BeforeEach
    void setUp() {
        kit = new ExperimentKit(directory);
        provider = SimulatedProvider.start(SimulatorConfig.builder().build());
        VerdictEvals.baseUrl = provider.baseUrl();
        VerdictEvals.CALLS.clear();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void anAssertionFailingAfterASuccessfulModelCallIsRecordedAsACompletedFailingRow() {
        EngineExecutionResults results = kit.run(VerdictEvals.Sync.class, "asserted", Map.of());

        assertThat(provider.stats().callsByPrompt()).containsEntry(WRONG_PROMPT, 1);
        RunRecord wrong = run("asserted", "wrong");
        assertThat(wrong.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(wrong.attempts()).isOne();
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.scoresJson()).contains("expected: \\\"9\\\"");
        assertThat(failure(results, "wrong")).isInstanceOf(AssertionFailedError.class)
                .satisfies(f -> assertThat(((AssertionFailedError) f).getExpected().getStringRepresentation())
                        .contains("9"));
        assertThat(summary(results)).contains("passed=3 failed=1 errors=0");
    }

    @Test
    void aResumedExperimentRestoresTheFailingRowWithoutCallingTheModel() {
        kit.run(VerdictEvals.Sync.class, "resumed", Map.of());

        EngineExecutionResults second = kit.run(VerdictEvals.Sync.class, "resumed", Map.of());

        assertThat(provider.stats().callsByPrompt()).containsEntry(WRONG_PROMPT, 1).containsEntry(RIGHT_PROMPT, 1);
        second.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        assertThat(failure(second, "wrong")).hasMessageContaining("restored from the experiment, not run again")
                .hasMessageContaining("expected: \"9\"");
        assertThat(summary(second)).contains("passed=3 failed=1 errors=0");
    }

    @Test
    void rerunFailuresCallsTheModelAgainForFailingRowsOnly() {
        kit.run(VerdictEvals.Sync.class, "rerun", Map.of());

        EngineExecutionResults second = kit.run(VerdictEvals.Sync.class, "rerun",
                Map.of("evals4j.resume.rerun", "failures"));

        assertThat(provider.stats().callsByPrompt()).containsEntry(WRONG_PROMPT, 2).containsEntry(RIGHT_PROMPT, 1);
        assertThat(failure(second, "wrong")).isInstanceOf(AssertionFailedError.class)
                .hasMessageNotContaining("restored");
        assertThat(run("rerun", "wrong").end()).isAfter(run("rerun", "ok1").end());
    }

    @Test
    void anAssertionErrorIsNotRetriedAndEndsTheRowCompleted() {
        kit.run(VerdictEvals.EveryRowFails.class, "once", Map.of());

        assertThat(VerdictEvals.CALLS).hasSize(4).allSatisfy((id, calls) -> assertThat(calls).hasValue(1));
        assertThat(kit.runs("once")).hasSize(4).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(r.attempts()).isOne();
            assertThat(r.passed()).isFalse();
        });
    }

    @Test
    void anAsynchronousAssertionWrappedOrThrownBeforeTheStageIsAFailingVerdictToo() {
        EngineExecutionResults results = kit.run(VerdictEvals.Async.class, "async", Map.of());

        assertThat(VerdictEvals.CALLS).allSatisfy((id, calls) -> assertThat(calls).hasValue(1));
        assertThat(kit.runs("async")).hasSize(4)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.COMPLETED))
                .filteredOn(r -> !r.passed()).extracting(RunRecord::rowId).containsExactlyInAnyOrder("wrong", "ok3");
        assertThat(failure(results, "wrong")).isInstanceOf(AssertionFailedError.class)
                .hasMessage("wrong answer for wrong");
        assertThat(failure(results, "ok3")).hasMessage("thrown before any stage for ok3");
    }

    @Test
    void aFailingVerdictDoesNotStopTheMethodUnderStopOnFirstError() {
        EngineExecutionResults results = kit.run(VerdictEvals.EveryRowFails.class, "not-stopped",
                Map.of("evals4j.stopOnFirstError", "true"));

        assertThat(VerdictEvals.CALLS).hasSize(4);
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("answers"), finishedSuccessfully()));
    }

    private RunRecord run(String experiment, String rowId) {
        List<RunRecord> runs = kit.runs(experiment);
        return runs.stream().filter(r -> r.rowId().equals(rowId)).findFirst().orElseThrow();
    }

    private static Throwable failure(EngineExecutionResults results, String row) {
        return results.testEvents().finished()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("[row:" + row + "]"))
                .findFirst().orElseThrow().getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    static String summary(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("evals4j.summary"))
                .filter(s -> s != null).findFirst().orElseThrow();
    }
}

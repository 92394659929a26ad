package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.OutcomeEvals;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

class RowOutcomeReportingTest {

    private final EngineExecutionResults results = EngineTestKitSupport.run(OutcomeEvals.class);

    private Throwable failureOf(String row) {
        return results.testEvents().finished().filter(e -> e.getTestDescriptor().getUniqueId().toString()
                        .contains("[row:" + row + "]"))
                .findFirst().orElseThrow().getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Test
    void everyRowIsATestWithItsOutcome() {
        results.testEvents().assertStatistics(stats -> stats.dynamicallyRegistered(6).started(6).succeeded(2).failed(4));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("row:pass"), finishedSuccessfully()))
                .haveExactly(1, event(test("row:flaky"), finishedSuccessfully()))
                .haveExactly(1, event(test("row:fail"), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message("Row 'fail' failed: exact=0.000 (expected 4, got 5)"))))
                .haveExactly(1, event(test("row:false"), finishedWithFailure(
                        message("Row 'false' failed: the method returned false"))))
                .haveExactly(1, event(test("row:assert"), finishedWithFailure(instanceOf(AssertionError.class),
                        message("wrong answer for assert"))));
    }

    @Test
    void anAssertionIsNeverRetried() {
        assertThat(failureOf("assert").getSuppressed()).isEmpty();
        assertThat(entries("assert")).extracting(m -> m.get("evals4j.attempts")).contains("1");
    }

    @Test
    void exhaustedAttemptsCarryTheWholeHistoryAsSuppressedExceptions() {
        Throwable last = failureOf("broken");

        assertThat(last).isInstanceOf(IOException.class).hasMessage("provider down, attempt 3");
        assertThat(last.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("provider down, attempt 1", "provider down, attempt 2");
    }

    @Test
    void rowsCarryStatusAttemptsAndPublishedEntries() {
        assertThat(entries("flaky")).anySatisfy(m -> assertThat(m).containsEntry("evals4j.status", "COMPLETED_WITH_RETRIES")
                .containsEntry("evals4j.attempts", "2").containsKey("evals4j.executionSeconds"));
        assertThat(entries("flaky")).anySatisfy(m -> assertThat(m).containsKey("evals4j.attempt.1"));
        assertThat(entries("pass")).anySatisfy(m -> assertThat(m).containsEntry("kind", "pass"));
        assertThat(entries("pass")).anySatisfy(m -> assertThat(m).containsEntry("evals4j.scores", "exact=1.000"));
    }

    @Test
    void theMethodContainerSucceedsAndCarriesTheSummary() {
        Event methodFinished = results.containerEvents().finished()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("[method:outcome"))
                .findFirst().orElseThrow();
        assertThat(methodFinished.getRequiredPayload(TestExecutionResult.class).getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        String summary = results.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("evals4j.summary"))
                .filter(s -> s != null).findFirst().orElseThrow();
        assertThat(summary).contains("rows=6", "passed=2", "failed=3", "errors=1", "retries=3");
    }

    private List<Map<String, String>> entries(String row) {
        return results.testEvents().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED
                        && e.getTestDescriptor().getUniqueId().toString().contains("[row:" + row + "]"))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .toList();
    }
}

package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.RunModeEvals;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

class RunModesTest {

    private static final UniqueId REPEATED = UniqueId.forEngine("evals4j")
            .append("class", RunModeEvals.class.getName())
            .append("method", "repeated(int,dev.evals4j.api.EvalContext)");

    private static EngineExecutionResults thirds(Map<String, String> parameters) {
        return EngineTestKitSupport.run(parameters, selectMethod(RunModeEvals.class, "thirds", "int"));
    }

    @Test
    void repetitionsAddARepetitionSegmentAndLimitCutsTheDataset() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of(),
                selectMethod(RunModeEvals.class, "repeated", "int,dev.evals4j.api.EvalContext"));

        assertThat(results.testEvents().started().map(e -> e.getTestDescriptor().getUniqueId()))
                .containsExactly(REPEATED.append("row", "r1").append("rep", "1"),
                        REPEATED.append("row", "r1").append("rep", "2"),
                        REPEATED.append("row", "r2").append("rep", "1"),
                        REPEATED.append("row", "r2").append("rep", "2"));
        assertThat(results.testEvents().started().map(e -> e.getTestDescriptor().getDisplayName()))
                .first().isEqualTo("r1 #1 \u2502 n=1");
        assertThat(results.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("evals4j.summary")))
                .singleElement().asString().contains("rows=4", "repeatedRows=2 agreement=1.000 spread=0.000");
    }

    @Test
    void oneRepetitionOfOneRowCanBeSelectedByUniqueId() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of(),
                selectUniqueId(REPEATED.append("row", "r2").append("rep", "2")));

        assertThat(results.testEvents().started().map(e -> e.getTestDescriptor().getUniqueId()))
                .containsExactly(REPEATED.append("row", "r2").append("rep", "2"));
    }

    @Test
    void configuredLimitAndRepetitionsApplyWhenTheAnnotationSaysNothing() {
        EngineExecutionResults results = thirds(Map.of("evals4j.limit", "3", "evals4j.repetitions", "2"));
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(4).failed(2));
    }

    @Test
    void failuresModeRegistersOnlyTheRowsThatFailed() {
        EngineExecutionResults results = thirds(Map.of("evals4j.report", "failures"));

        assertThat(results.testEvents().started().map(e -> e.getTestDescriptor().getUniqueId().getLastSegment()
                .getValue())).containsExactly("r3", "r6");
        assertThat(results.containerEvents().reportingEntryPublished().count()).isOne();
    }

    @Test
    void summaryModeRegistersNoRowButKeepsTheSummary() {
        EngineExecutionResults results = thirds(Map.of("evals4j.report", "summary"));

        assertThat(results.testEvents().count()).isZero();
        assertThat(results.containerEvents().filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getTestDescriptor()).map(TestDescriptor::getDisplayName)).containsExactly("thirds(int)");
    }

    @Test
    void withoutStopOnFirstErrorEveryRowRuns() {
        EngineExecutionResults results = thirds(Map.of());
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(4).failed(2));
        results.containerEvents().assertStatistics(stats -> stats.aborted(0).failed(0));
    }

    @Test
    void stopOnFirstErrorStopsAtTheFirstRowThatThrowsAndAbortsTheMethod() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.stopOnFirstError", "true"),
                selectMethod(RunModeEvals.class, "throwsOnThirds", "int"));

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("row:r3"),
                finishedWithFailure(message("cannot handle 3"))));
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("throwsOnThirds"),
                abortedWithReason(message(m -> m.contains("stopped after the first row that ended with an error")))));
    }

    @Test
    void attemptsThatTimeOutFailTheRowWithEveryTimeoutInItsHistory() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of(),
                selectMethod(RunModeEvals.class, "neverAnswers", "java.lang.String"));

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = results.testEvents().finished().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(TimeoutException.class);
        assertThat(failure.getSuppressed()).hasSize(1).allMatch(TimeoutException.class::isInstance);
    }
}

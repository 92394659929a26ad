package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.OutcomeEvals;
import dev.evals4j.engine.fixtures.ThresholdEvals;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * A row that completed with a failing verdict can be found by name in every report, under a threshold
 * too (where it is reported successful), and the method's summary lists the failing rows.
 */
class FailingRowsVisibleTest {

    private static EngineExecutionResults run(String method) {
        return EngineTestKitSupport.run(Map.of(), selectMethod(ThresholdEvals.class, method, "int"));
    }

    private static Map<String, String> namesByRowId(EngineExecutionResults results) {
        return results.testEvents().finished().map(Event::getTestDescriptor)
                .collect(java.util.stream.Collectors.toMap(
                        d -> d.getUniqueId().getLastSegment().getValue(), TestDescriptor::getDisplayName));
    }

    @Test
    void underAThresholdEachRowsNameCarriesItsVerdictAndAFailingRowsScores() {
        EngineExecutionResults results = run("meetsTheThreshold");

        assertThat(namesByRowId(results)).containsEntry("r1", "r1 \u2717 even=0 \u2502 n=1")
                .containsEntry("r2", "r2 \u2713 \u2502 n=2")
                .containsEntry("r5", "r5 \u2717 even=0 \u2502 n=5");
        results.testEvents().finished().stream().map(Event::getTestDescriptor).forEach(row ->
                assertThat(row.getLegacyReportingName()).isEqualTo(row.getDisplayName()));
    }

    @Test
    void theUniqueIdOfARowDoesNotDependOnItsVerdict() {
        EngineExecutionResults results = run("meetsTheThreshold");

        assertThat(results.testEvents().finished().map(e -> e.getTestDescriptor().getUniqueId().getLastSegment()
                .getType() + ":" + e.getTestDescriptor().getUniqueId().getLastSegment().getValue()))
                .containsExactlyInAnyOrder("row:r1", "row:r2", "row:r3", "row:r4", "row:r5", "row:r6");
    }

    @Test
    void theSummaryOfAMethodUnderAThresholdListsItsFailingRowsWithTheirScores() {
        EngineExecutionResults results = run("meetsTheThreshold");

        Optional<String> failingRows = results.containerEvents().reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entry -> entry.containsKey("evals4j.summary"))
                .map(entry -> entry.get("evals4j.failingRows")).findFirst();
        assertThat(failingRows).contains("3 rows with a failing verdict: r1 even=0; r3 even=0; r5 even=0");
    }

    @Test
    void aMissedThresholdNamesTheFailingRowsAndTheirScores() {
        run("missesTheThreshold").containerEvents().assertThatEvents().haveExactly(1,
                event(container("missesTheThreshold"), finishedWithFailure(message(
                        "Threshold missed by ThresholdEvals.missesTheThreshold: accuracy = 0.5000 is below the "
                                + "minimum 0.8000. 3 rows with a failing verdict: r1 even=0; r3 even=0; r5 even=0"))));
    }

    @Test
    void withoutAThresholdAFailingRowFailsAndRunsLive() {
        EngineExecutionResults results = EngineTestKitSupport.run(OutcomeEvals.class);

        assertThat(results.testEvents().failed().count()).isPositive();
        assertThat(results.testEvents().stream().filter(e -> e.getType() == EventType.STARTED)
                .map(e -> e.getTestDescriptor().getDisplayName()))
                .noneMatch(name -> name.contains("\u2713") || name.contains("\u2717"));
    }

    @Test
    void rowsReportedOnlyWhenTheyFailIncludeFailingVerdictsUnderAThresholdAndCarryThem() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.report", "failures"),
                selectMethod(ThresholdEvals.class, "meetsTheThreshold", "int"));

        assertThat(namesByRowId(results).values()).containsExactlyInAnyOrder(
                "r1 \u2717 even=0 \u2502 n=1", "r3 \u2717 even=0 \u2502 n=3", "r5 \u2717 even=0 \u2502 n=5");
    }
}

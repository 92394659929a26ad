package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.ClassifierEvals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A method's own {@code FailureClassifier} decides what its failures mean, before the built-in ones. */
class FailureClassifierTest {

    private static EngineExecutionResults run(String method) {
        ClassifierEvals.ATTEMPT_STARTS.clear();
        return EngineTestKitSupport.run(Map.of(), selectMethod(ClassifierEvals.class, method,
                "java.lang.String, dev.evals4j.api.EvalContext"));
    }

    private static List<Map<String, String>> entries(EngineExecutionResults results) {
        return results.testEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).toList();
    }

    @Test
    void aUserClassifiersRateLimitIsRequeuedWithoutSpendingAnAttemptAfterItsWait() {
        EngineExecutionResults results = run("quota");

        results.testEvents().assertThatEvents().haveExactly(1, event(test("row:a"), finishedSuccessfully()));
        assertThat(entries(results)).anySatisfy(m -> assertThat(m)
                .containsEntry("evals4j.attempts", "3").containsEntry("evals4j.status", "COMPLETED_WITH_RETRIES"));
        assertThat(entries(results)).anySatisfy(m -> assertThat(m.get("evals4j.attempt.1"))
                .startsWith("rate limited, requeued: "));
        List<Long> starts = ClassifierEvals.ATTEMPT_STARTS.get("quota:a");
        assertThat(starts).hasSize(3);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).as("wait before attempt %d", i + 1)
                    .isGreaterThanOrEqualTo(ClassifierEvals.QUOTA_WAIT);
        }
    }

    @Test
    void aUserClassifierIsAskedBeforeTheBuiltInOnes() {
        EngineExecutionResults results = run("permanentIo");

        results.testEvents().assertThatEvents().haveExactly(1, event(test("row:a"),
                finishedWithFailure(message("certificate rejected"))));
        assertThat(ClassifierEvals.ATTEMPT_STARTS.get("io:a")).hasSize(1);
    }
}

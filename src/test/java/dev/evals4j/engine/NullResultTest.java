package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.NullResultEvals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A method declared to return a verdict that returns {@code null} has a bug: each row is an error naming it. */
class NullResultTest {

    @BeforeEach
    void forgetCalls() {
        NullResultEvals.CALLS.clear();
    }

    @Test
    void aNullScoreIsAnErrorOnEveryRowNotAPass() {
        EngineExecutionResults results = EngineTestKitSupport.run(NullResultEvals.NullScore.class);

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(0).failed(6));
        results.testEvents().failed().assertThatEvents().haveExactly(1, finishedWithFailure(
                instanceOf(IllegalStateException.class),
                message(m -> m.contains("NullScore.scores") && m.contains("row 'r2'")
                        && m.contains("engine-test/numbers.jsonl:2") && m.contains("returned null"))));
        assertThat(summary(results)).contains("rows=6 passed=0 failed=0 errors=6").doesNotContain("accuracy=1.000");
    }

    @Test
    void aNullResultIsAProgrammingErrorAndNotRetried() {
        EngineTestKitSupport.run(NullResultEvals.NullScore.class);
        EngineTestKitSupport.run(NullResultEvals.NullAsyncScore.class);

        assertThat(NullResultEvals.CALLS).hasSize(12).allSatisfy((row, calls) -> assertThat(calls).hasValue(1));
    }

    @Test
    void aNullBooleanOrAStageCompletingWithNullScoreIsAnErrorToo() {
        EngineTestKitSupport.run(NullResultEvals.NullBoolean.class).testEvents()
                .assertStatistics(stats -> stats.started(6).failed(6));
        EngineTestKitSupport.run(NullResultEvals.NullAsyncScore.class).testEvents()
                .assertStatistics(stats -> stats.started(6).failed(6));
    }

    @Test
    void aVoidStageCompletingWithNullPasses() {
        EngineTestKitSupport.run(NullResultEvals.NullVoidStage.class).testEvents()
                .assertStatistics(stats -> stats.started(6).succeeded(6));
    }

    private static String summary(EngineExecutionResults results) {
        return results.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("evals4j.summary"))
                .filter(s -> s != null).findFirst().orElseThrow();
    }
}

package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.evals4j.engine.fixtures.HangingEvals;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Every row gets its timeout, in every mode: a call that hangs fails its row with a
 * {@link TimeoutException} per attempt, and the method finishes. (Sequential sync rows used to hang
 * the build.)
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SequentialTimeoutTest {

    @Test
    void theAnnotationsTimeoutEndsAHangingSequentialSyncCall() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.storage", "none"),
                selectMethod(HangingEvals.class, "hangsWithAnnotatedTimeout", "java.lang.String"));

        assertRowTimedOutTwiceAndMethodFinished(results);
    }

    @Test
    void theConfiguredTimeoutEndsAHangingSequentialSyncCall() {
        EngineExecutionResults results = EngineTestKitSupport.run(
                Map.of("evals4j.storage", "none", "evals4j.timeout", "300ms"),
                selectMethod(HangingEvals.class, "hangsWithConfiguredTimeout", "java.lang.String"));

        assertRowTimedOutTwiceAndMethodFinished(results);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hangsConcurrently", "neverAnswersSequentially"})
    void everyOtherModeTimesOutAHangingCallToo(String method) {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.storage", "none"),
                selectMethod(HangingEvals.class, method, "java.lang.String"));

        assertRowTimedOutTwiceAndMethodFinished(results);
    }

    private static void assertRowTimedOutTwiceAndMethodFinished(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = results.testEvents().finished().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(TimeoutException.class).hasMessageContaining("PT0.3S");
        assertThat(failure.getSuppressed()).hasSize(1).allMatch(TimeoutException.class::isInstance);
        results.containerEvents().assertStatistics(stats -> stats.started(3).finished(3));
    }
}

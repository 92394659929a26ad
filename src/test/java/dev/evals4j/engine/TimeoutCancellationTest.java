package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.evals4j.engine.fixtures.NeverCompletingEvals;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A timed-out attempt cancels the stage the method returned, so the call does not run on unbounded. */
class TimeoutCancellationTest {

    @Test
    @Timeout(60)
    void aTimeoutCancelsTheStageTheMethodReturned() {
        NeverCompletingEvals.RETURNED.clear();

        EngineExecutionResults results = EngineTestKitSupport.run(NeverCompletingEvals.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).failed(3));
        results.testEvents().failed().assertThatEvents()
                .haveExactly(3, finishedWithFailure(instanceOf(TimeoutException.class)));
        assertThat(NeverCompletingEvals.RETURNED).hasSize(3).allSatisfy(stage -> assertThat(stage.isCancelled()).isTrue())
                .allMatch(CompletableFuture::isDone);
    }
}

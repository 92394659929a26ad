package dev.evals4j.engine;

import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.ThresholdEvals;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ThresholdTest {

    private final EngineExecutionResults results = EngineTestKitSupport.run(ThresholdEvals.class);

    @Test
    void rowsWithFailingScoresAreSuccessfulUnderAThreshold() {
        results.testEvents().assertStatistics(stats -> stats.started(12).succeeded(12).failed(0));
    }

    @Test
    void theContainerPassesWhenTheAggregateMeetsTheThreshold() {
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("meetsTheThreshold"), finishedSuccessfully()));
    }

    @Test
    void theContainerFailsWhenTheAggregateMissesNamingMetricValueAndBound() {
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("missesTheThreshold"),
                finishedWithFailure(message(m -> m.startsWith("Threshold missed by ThresholdEvals.missesTheThreshold: "
                        + "accuracy = 0.5000 is below the minimum 0.8000")))));
    }
}

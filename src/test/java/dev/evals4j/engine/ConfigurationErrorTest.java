package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

class ConfigurationErrorTest {

    private static Throwable engineFailure(EngineExecutionResults results) {
        Event finished = results.allEvents().filter(e -> e.getType() == EventType.FINISHED).reduce((a, b) -> b)
                .orElseThrow();
        TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    private static String rootMessage(Throwable t) {
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void anUnknownKeyFailsTheRunNamingTheKey() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.concurrency.maximum", "8"),
                selectClass(PlainEvals.class));

        assertThat(rootMessage(engineFailure(results)))
                .contains("Unknown configuration parameter 'evals4j.concurrency.maximum'", "evals4j.concurrency.max");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aBadValueFailsTheRunNamingKeyValueAndAllowedValues() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.progress", "sometimes"),
                selectClass(PlainEvals.class));

        assertThat(rootMessage(engineFailure(results))).contains(
                "Invalid value 'sometimes' for configuration parameter 'evals4j.progress': allowed one of auto, bar, lines, off");
    }

    @Test
    void aBadRetryWaitIsRejectedWithTheExecutorsAllowedForms() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.retry.wait", "sometimes"),
                selectClass(PlainEvals.class));

        assertThat(rootMessage(engineFailure(results))).contains("evals4j.retry.wait", "sometimes", "fixed:");
    }
}

package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Configuration errors are discovery issues: discovery does not throw, the launcher fails the engine
 * with a message naming the key, the value and the allowed values, and no row runs.
 */
class ConfigurationErrorTest {

    private static final String TYPO = "evals4j.concurency.max";

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty(TYPO);
    }

    private static List<String> issues(Map<String, String> parameters) {
        List<DiscoveryIssue> issues = EngineTestKit.engine(EvalsTestEngine.ENGINE_ID)
                .selectors(selectClass(PlainEvals.class))
                .configurationParameters(parameters)
                .discover()
                .getDiscoveryIssues();
        assertThat(issues).extracting(DiscoveryIssue::severity).containsOnly(Severity.ERROR);
        return issues.stream().map(DiscoveryIssue::message).toList();
    }

    @Test
    void anUnknownKeyIsADiscoveryIssueNamingTheKeyTheValueTheNearestKeyAndTheKnownKeys() {
        assertThat(issues(Map.of("evals4j.concurrency.maximum", "8"))).singleElement().asString()
                .startsWith("Unknown configuration parameter 'evals4j.concurrency.maximum' (value '8'):"
                        + " did you mean evals4j.concurrency.max?")
                .contains("evals4j.concurrency.max, evals4j.concurrency.strategy");
    }

    @Test
    void aTypoInASystemPropertyIsReportedEvenWhenTheLauncherPassesNoSystemProperties() {
        System.setProperty(TYPO, "5"); // what `mvn test -Devals4j.concurency.max=5` sets in the test JVM

        assertThat(issues(Map.of())).singleElement().asString()
                .startsWith("Unknown configuration parameter '" + TYPO + "' (value '5'): did you mean evals4j.concurrency.max?");
    }

    @Test
    void aBadValueIsADiscoveryIssueNamingKeyValueAndAllowedValues() {
        assertThat(issues(Map.of("evals4j.progress", "sometimes"))).containsExactly(
                "Invalid value 'sometimes' for configuration parameter 'evals4j.progress': "
                        + "allowed one of auto, bar, lines, off");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        assertThat(issues(Map.of("evals4j.progress", "sometimes", "evals4j.shutdownGrace", "soon",
                "evals4j.retry.wait", "sometimes")))
                .hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("'evals4j.shutdownGrace'", "'soon'", "500ms, 30s"))
                .anySatisfy(m -> assertThat(m).contains("'evals4j.retry.wait'", "'sometimes'", "fixed:<duration>"));
    }

    @Test
    void theEngineFailsWithTheMessageAndNoRowRuns() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.progress", "sometimes"),
                selectClass(PlainEvals.class));

        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(
                message(m -> m.contains("Invalid value 'sometimes' for configuration parameter 'evals4j.progress'")
                        && m.contains("one of auto, bar, lines, off")))));
        results.containerEvents().assertThatEvents().doNotHave(event(container(PlainEvals.class)));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }
}

package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.evals4j.engine.config.InvalidConfigurationException;
import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A wrong configuration does not fail discovery (which would hide the message and stop the other
 * engines): every class fails at execution with a message naming the key, the value and the allowed
 * values, and no row runs.
 */
class ConfigurationErrorTest {

    private static final String TYPO = "evals4j.concurency.max";

    @AfterEach
    void clearSystemProperty() {
        System.clearProperty(TYPO);
    }

    /** The message the class container failed with; asserts that nothing else happened. */
    private static String failure(Map<String, String> parameters) {
        EngineDiscoveryResults discovery = EngineTestKit.engine(EvalsTestEngine.ENGINE_ID)
                .selectors(selectClass(PlainEvals.class)).configurationParameters(parameters).discover();
        assertThat(discovery.getEngineDescriptor().getChildren()).hasSize(1); // discovery did not throw
        assertThat(discovery.getDiscoveryIssues()).isEmpty();

        EngineExecutionResults results = EngineTestKitSupport.run(parameters, selectClass(PlainEvals.class));

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(engine(), finishedSuccessfully())) // the message is reported once, by the class
                .haveExactly(1, event(container(PlainEvals.class),
                        finishedWithFailure(instanceOf(InvalidConfigurationException.class))));
        assertThat(results.containerEvents().started().count()).isEqualTo(2); // no method container ran
        Throwable error = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(error.getStackTrace()).isEmpty(); // the console shows the message, not the engine's parsing
        return error.getMessage();
    }

    @Test
    void anUnknownKeyFailsEveryClassNamingTheKeyTheValueTheNearestKeyAndTheKnownKeys() {
        assertThat(failure(Map.of("evals4j.concurrency.maximum", "8")))
                .startsWith("Unknown configuration parameter 'evals4j.concurrency.maximum' (value '8'):"
                        + " did you mean evals4j.concurrency.max?")
                .contains("evals4j.concurrency.max, evals4j.concurrency.strategy");
    }

    @Test
    void aTypoInASystemPropertyIsReportedEvenWhenTheLauncherPassesNoSystemProperties() {
        System.setProperty(TYPO, "5"); // what `mvn test -Devals4j.concurency.max=5` sets in the test JVM

        assertThat(failure(Map.of()))
                .startsWith("Unknown configuration parameter '" + TYPO + "' (value '5'): did you mean evals4j.concurrency.max?");
    }

    @Test
    void aBadValueFailsEveryClassNamingKeyValueAndAllowedValues() {
        assertThat(failure(Map.of("evals4j.progress", "sometimes"))).isEqualTo(
                "Invalid value 'sometimes' for configuration parameter 'evals4j.progress': "
                        + "allowed one of auto, bar, lines, off");
    }

    @Test
    void withoutAnEvalClassTheEngineCarriesTheError() {
        EngineExecutionResults results = EngineTestKitSupport.run(Map.of("evals4j.progress", "sometimes"),
                selectClass(ConfigurationErrorTest.class));

        results.containerEvents().assertThatEvents().haveExactly(1,
                event(engine(), finishedWithFailure(instanceOf(InvalidConfigurationException.class))));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        assertThat(failure(Map.of("evals4j.progress", "sometimes", "evals4j.shutdownGrace", "soon",
                "evals4j.retry.wait", "sometimes")))
                .startsWith("3 configuration problems:")
                .contains("'evals4j.progress'", "'evals4j.shutdownGrace'", "'soon'", "500ms, 30s",
                        "'evals4j.retry.wait'", "fixed:<duration>");
    }
}

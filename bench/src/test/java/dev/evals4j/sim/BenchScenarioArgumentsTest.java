package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.bench.Scenario;
import dev.evals4j.bench.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark starts each scenario's simulator in a JVM of its own through {@link SimulatorCli}: the flags
 * it passes must configure exactly the simulator the scenario describes. In the simulator's package, to
 * reach the command line's parser.
 */
class BenchScenarioArgumentsTest {

    @Test
    void everyScenariosFlagsParseIntoItsSimulatorConfiguration() {
        List<Scenario> scenarios = new ArrayList<>(Scenarios.all());
        scenarios.add(Scenarios.warmUp());

        assertThat(scenarios).allSatisfy(scenario -> assertThat(
                SimulatorCli.parse(scenario.simulatorArguments().toArray(String[]::new)))
                .as(scenario.name()).isEqualTo(scenario.simulatorConfig()));
    }

    @Test
    void theRateLimitedScenarioRunsAgainstBothPersonalities() {
        assertThat(Scenarios.all()).filteredOn(scenario -> scenario.name().startsWith("rate-limited"))
                .extracting(Scenario::personality)
                .containsExactlyInAnyOrder(SimulatorConfig.Personality.EVALS4J,
                        SimulatorConfig.Personality.TYPICAL_PROVIDER);
    }
}

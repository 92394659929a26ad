package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.config.InvalidConfigurationException;
import dev.evals4j.engine.fixtures.PlainEvals;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration errors fail discovery: the launcher reports the engine as failed with this cause. */
class ConfigurationErrorTest {

    private static void run(String key, String value) {
        EngineTestKitSupport.run(Map.of(key, value), selectClass(PlainEvals.class));
    }

    @Test
    void anUnknownKeyFailsDiscoveryNamingTheKeyAndTheKnownKeys() {
        assertThatThrownBy(() -> run("evals4j.concurrency.maximum", "8"))
                .hasMessageContaining("TestEngine with ID 'evals4j' failed to discover tests")
                .cause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Unknown configuration parameter 'evals4j.concurrency.maximum'")
                .hasMessageContaining("evals4j.concurrency.max, evals4j.concurrency.strategy");
    }

    @Test
    void aBadValueFailsDiscoveryNamingKeyValueAndAllowedValues() {
        assertThatThrownBy(() -> run("evals4j.progress", "sometimes"))
                .cause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid value 'sometimes' for configuration parameter 'evals4j.progress': "
                        + "allowed one of auto, bar, lines, off");
    }

    @Test
    void aBadRetryWaitIsRejectedWithTheExecutorsAllowedForms() {
        assertThatThrownBy(() -> run("evals4j.retry.wait", "sometimes"))
                .cause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("evals4j.retry.wait: invalid value 'sometimes'")
                .hasMessageContaining("fixed:<duration>");
    }
}

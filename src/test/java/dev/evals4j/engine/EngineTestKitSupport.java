package dev.evals4j.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the evals4j engine on fixture classes, quietly, with retries that do not wait and with results kept
 * in memory (a test that needs a store passes its own {@code evals4j.storage}).
 */
final class EngineTestKitSupport {

    private EngineTestKitSupport() {}

    static EngineExecutionResults run(Class<?> testClass) {
        return run(Map.of(), selectClass(testClass));
    }

    static EngineExecutionResults run(Map<String, String> parameters, DiscoverySelector... selectors) {
        return EngineTestKit.engine(EvalsTestEngine.ENGINE_ID)
                .selectors(selectors)
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.retry.wait", "none")
                .configurationParameter("evals4j.storage", "none")
                .configurationParameters(parameters)
                .execute();
    }
}

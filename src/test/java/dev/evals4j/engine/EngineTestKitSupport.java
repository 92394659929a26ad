package dev.evals4j.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs the evals4j engine on fixture classes, quietly and with retries that do not wait. */
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
                .configurationParameters(parameters)
                .execute();
    }
}

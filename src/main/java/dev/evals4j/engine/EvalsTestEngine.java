package dev.evals4j.engine;

import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.config.EngineConfigReader;
import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import dev.evals4j.engine.discovery.EvalsDiscovery;
import dev.evals4j.engine.run.EvalsExecution;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;

/**
 * The evals4j JUnit Platform engine (id {@value #ENGINE_ID}): discovers {@code @ForEach} methods
 * into class → method descriptors, and at execution reports every dataset row as a dynamic test while
 * the executor of {@code dev.evals4j.execution} runs the rows. Registered through
 * {@code META-INF/services/org.junit.platform.engine.TestEngine}.
 */
public final class EvalsTestEngine implements TestEngine {

    /** The engine id, used in unique ids and to select the engine. */
    public static final String ENGINE_ID = "evals4j";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    /**
     * Reads the configuration and resolves the selectors. Opens no dataset and calls no user code.
     *
     * @throws dev.evals4j.engine.config.InvalidConfigurationException for an unknown key or a bad value
     */
    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineConfig config = EngineConfigReader.read(request.getConfigurationParameters());
        EvalsEngineDescriptor root = new EvalsEngineDescriptor(uniqueId, config);
        EvalsDiscovery.discover(request, root);
        return root;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new EvalsExecution(System.out).execute(request);
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.evals4j");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("evals4j");
    }
}

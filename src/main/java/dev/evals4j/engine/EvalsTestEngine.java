package dev.evals4j.engine;

import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.config.EngineConfigReader;
import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import dev.evals4j.engine.discovery.EvalsDiscovery;
import dev.evals4j.engine.run.EvalsExecution;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

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
     * <p>An unknown key or a bad value does not throw: it is reported as a discovery issue of severity
     * {@code ERROR}, whose message names the key, the value and the allowed values. The launcher then logs
     * it and fails this engine without executing it, while the other engines (Jupiter's tests in the same
     * module) still run; throwing would hide the message behind "failed to discover tests".
     */
    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId);
        EngineConfig config = EngineConfigReader.read(request.getConfigurationParameters(), System.getProperties(),
                problem -> issues.reportIssue(DiscoveryIssue.create(Severity.ERROR, problem.getMessage())));
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

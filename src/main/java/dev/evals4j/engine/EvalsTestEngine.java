package dev.evals4j.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.config.EngineConfigReader;
import dev.evals4j.engine.config.InvalidConfigurationException;
import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import dev.evals4j.engine.discovery.EvalsDiscovery;
import dev.evals4j.engine.run.EvalsExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * The evals4j JUnit Platform engine (id {@value #ENGINE_ID}): discovers {@code @ForEach} methods
 * into class → method descriptors, and at execution reports every dataset row as a dynamic test while
 * the executor of {@code dev.evals4j.execution} runs the rows. Registered through
 * {@code META-INF/services/org.junit.platform.engine.TestEngine}.
 */
@API(status = INTERNAL, since = "0.1")
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
     * <p>An unknown key or a bad value does not fail discovery: the root carries the error and
     * {@link #execute} fails every class with it. Throwing here would hide the message behind "failed to
     * discover tests" and stop the other engines; a discovery issue of severity {@code ERROR} would too
     * under Surefire, which discovers class by class before it executes.
     */
    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        List<InvalidConfigurationException> problems = new ArrayList<>();
        EngineConfig config = EngineConfigReader.read(request.getConfigurationParameters(), System.getProperties(),
                problems::add);
        EvalsEngineDescriptor root = new EvalsEngineDescriptor(uniqueId, config,
                problems.isEmpty() ? Optional.empty() : Optional.of(InvalidConfigurationException.combining(problems)));
        EvalsDiscovery.discover(request, root);
        return root;
    }

    /**
     * Runs the rows; with a wrong configuration runs nothing and fails every class container (which
     * Surefire, IDEs and the console launcher all report) with the configuration error, whose message
     * names each key, its value and the allowed values. The engine itself fails with it only when it has
     * no class to carry it, so that the message is reported once per class.
     */
    @Override
    public void execute(ExecutionRequest request) {
        EvalsEngineDescriptor root = (EvalsEngineDescriptor) request.getRootTestDescriptor();
        root.configurationError().ifPresentOrElse(
                error -> failEveryClass(root, error, request.getEngineExecutionListener()),
                () -> new EvalsExecution(System.out).execute(request));
    }

    private static void failEveryClass(EvalsEngineDescriptor root, InvalidConfigurationException error,
            EngineExecutionListener listener) {
        listener.executionStarted(root);
        for (TestDescriptor child : root.getChildren()) {
            listener.executionStarted(child);
            listener.executionFinished(child, TestExecutionResult.failed(error));
        }
        listener.executionFinished(root,
                root.getChildren().isEmpty() ? TestExecutionResult.failed(error) : TestExecutionResult.successful());
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

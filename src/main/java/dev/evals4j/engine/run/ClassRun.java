package dev.evals4j.engine.run;

import dev.evals4j.engine.binding.EvalDefinitionException;
import dev.evals4j.engine.binding.Fixtures;
import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.descriptor.EvalClassDescriptor;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.experiment.ExperimentStorage;
import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.ProgressDisplay;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one evaluation class: one instance and its fixtures for all its methods, the methods one after
 * the other, then the fixtures closed. A failure to create the instance or a fixture fails the class's
 * container and no method runs; a failure to close a fixture fails it after its methods ran.
 *
 * <p>Used once, by the engine thread.
 */
final class ClassRun {

    private final EvalClassDescriptor descriptor;
    private final EngineConfig config;
    private final EngineExecutionListener listener;
    private final ProgressDisplay progress;
    private final CancellationCheck cancellation;
    private final ExperimentStorage storage;

    ClassRun(EvalClassDescriptor descriptor, EngineConfig config, EngineExecutionListener listener,
            ProgressDisplay progress, CancellationCheck cancellation, ExperimentStorage storage) {
        this.descriptor = descriptor;
        this.config = config;
        this.listener = listener;
        this.progress = progress;
        this.cancellation = cancellation;
        this.storage = storage;
    }

    /** Runs the class and returns the summaries of its methods that ran. */
    List<MethodSummary> run() {
        listener.executionStarted(descriptor);
        Class<?> testClass = descriptor.testClass();
        Object instance;
        Fixtures fixtures;
        try {
            instance = newInstance(testClass);
            fixtures = Fixtures.create(testClass, instance);
        } catch (RuntimeException e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
            return List.of();
        }
        List<MethodSummary> summaries = new ArrayList<>();
        for (TestDescriptor child : List.copyOf(descriptor.getChildren())) {
            if (child instanceof ForEachMethodDescriptor method) {
                if (cancellation.isCancelled() || storage.isShuttingDown()) {
                    listener.executionSkipped(method, "the run was cancelled");
                    continue;
                }
                new MethodRun(method, instance, fixtures, config, listener, progress, cancellation, storage).run()
                        .ifPresent(summaries::add);
            }
        }
        TestExecutionResult result = TestExecutionResult.successful();
        try {
            fixtures.close();
        } catch (Exception e) {
            result = TestExecutionResult.failed(new EvalDefinitionException(
                    "Closing the fixtures of " + testClass.getSimpleName() + " failed: " + e, e));
        }
        listener.executionFinished(descriptor, result);
        return summaries;
    }

    private static Object newInstance(Class<?> testClass) {
        try {
            return ReflectionSupport.newInstance(testClass);
        } catch (RuntimeException e) {
            throw new EvalDefinitionException("Cannot create an instance of " + testClass.getName()
                    + ": an evaluation class needs a constructor without parameters (" + e + ")", e);
        }
    }
}

package dev.evals4j.engine.experiment.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.EvalsTestEngine;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The main class of a child JVM: runs {@link SimulatedRowEvals} (or the class named by
 * {@value #EVAL_CLASS_PROPERTY}) through the JUnit Launcher, as Surefire would, with the
 * configuration the parent passes as {@code -Devals4j.*} system properties (the experiment name, the
 * storage). Prints one line with the outcome and exits.
 */
public final class ExperimentChild {

    /** The system property naming the eval class to run instead of {@link SimulatedRowEvals}. */
    public static final String EVAL_CLASS_PROPERTY = "experiments.test.evalClass";

    private ExperimentChild() {}

    /** Runs the suite once. */
    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(System.getProperty(EVAL_CLASS_PROPERTY, SimulatedRowEvals.class.getName())))
                .filters(EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                .configurationParameter("evals4j.progress", "off")
                .build(), summary);
        System.out.println("child finished: " + summary.getSummary().getTestsSucceededCount() + " rows succeeded, "
                + summary.getSummary().getTotalFailureCount() + " failures");
    }
}

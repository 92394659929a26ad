package dev.evals4j.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.EvalsTestEngine;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The main class of one runner of the multi-runner scenario, in a JVM of its own: runs
 * {@link MultiRunnerEvals} through the JUnit Launcher, as a CI runner's Surefire would, with the
 * {@code -Devals4j.*} system properties {@link MultiRunner} passes (experiment, storage, runner, limit
 * group). Prints one line with the outcome.
 */
public final class MultiRunnerChild {

    private MultiRunnerChild() {}

    /** Runs the suite once. */
    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(MultiRunnerEvals.class))
                .filters(EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                .configurationParameter("evals4j.progress", "off")
                .build(), summary);
        System.out.println("runner finished: " + summary.getSummary().getTestsSucceededCount() + " rows succeeded, "
                + summary.getSummary().getTotalFailureCount() + " failures");
    }
}

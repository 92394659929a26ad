package dev.evals4j.engine.experiment.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.EvalsTestEngine;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs one evaluation class through the Launcher with the given configuration, as Surefire would. */
final class BenchLauncher {

    private BenchLauncher() {}

    static TestExecutionSummary run(Class<?> evals, Map<String, String> parameters) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(evals))
                .filters(EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.report", "summary")
                .configurationParameters(parameters)
                .build(), summary);
        return summary.getSummary();
    }
}

package dev.evals4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.engine.fixtures.SimulatorEvals;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Whole runs through the Launcher, as Surefire and IDEs make them, against the simulated provider. */
class SimulatorEndToEndTest {

    private SimulatedProvider provider;

    @BeforeEach
    void startProvider() {
        provider = SimulatedProvider.start(SimulatorConfig.builder().latency(Duration.ofMillis(20)).build());
        SimulatorEvals.baseUrl = provider.baseUrl();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private TestExecutionSummary run(Class<?> suite, String concurrent) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .filters(EngineFilter.includeEngines(EvalsTestEngine.ENGINE_ID))
                .configurationParameter("evals4j.progress", "off");
        if (concurrent != null) {
            request.configurationParameter("concurrent", concurrent);
        }
        LauncherDiscoveryRequest built = request.build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(built, summary);
        return summary.getSummary();
    }

    @Test
    void aSyncSuiteWithConcurrentTrueRunsEveryRowOnceConcurrently() {
        TestExecutionSummary summary = run(SimulatorEvals.Sync.class, "true");

        assertThat(summary.getTestsFoundCount()).isEqualTo(20);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(20);
        assertThat(summary.getTotalFailureCount()).isZero();
        assertThat(provider.stats().callsByPrompt()).hasSize(20).allSatisfy((prompt, calls) -> assertThat(calls).isOne());
        assertThat(provider.stats().maxInFlight()).isGreaterThan(1);
    }

    @Test
    void aSyncSuiteRunsSequentiallyByDefault() {
        TestExecutionSummary summary = run(SimulatorEvals.Sync.class, null);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(20);
        assertThat(provider.stats().maxInFlight()).isOne();
    }

    @Test
    void anAsyncSuiteRunsEveryRowOnceConcurrently() {
        TestExecutionSummary summary = run(SimulatorEvals.Async.class, null);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(20);
        assertThat(summary.getContainersFailedCount()).isZero();
        assertThat(provider.stats().callsByPrompt()).hasSize(20).allSatisfy((prompt, calls) -> assertThat(calls).isOne());
        assertThat(provider.stats().maxInFlight()).isGreaterThan(1);
    }
}

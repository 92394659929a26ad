package dev.evals4j.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * JUnit Jupiter's own answer: {@link JupiterParallelEvals} run through the Launcher in this JVM
 * with {@code junit.jupiter.execution.parallel} enabled at a fixed parallelism. Completed and failed
 * rows are the summary's succeeded and failed tests; aborted ones (started after the time cap) are lost.
 *
 * <p>The pool's maximum size is pinned to the parallelism: left at its default (256 + parallelism),
 * Jupiter's fork-join pool adds a compensating thread whenever a worker blocks in the HTTP client,
 * and a "parallelism 100" run was measured with up to 356 calls in flight.
 *
 * <p>Only Jupiter is registered and no listener or configuration file is picked up implicitly, so
 * the run sees exactly the parameters below. Not thread-safe: run one contender at a time.
 */
public final class JupiterParallelContender implements Contender {

    private final int parallelism;

    /** Jupiter with {@code parallelism} worker threads. */
    public JupiterParallelContender(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "junit-parallel";
    }

    @Override
    public ContenderOutcome run(Workload workload) {
        long start = System.nanoTime();
        ConcurrencyTrace trace = new ConcurrencyTrace(start);
        JupiterBatch.install(workload, start + workload.scenario().cap().toNanos(), trace);
        try {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create(launcherConfig()).execute(request(), listener);
            long end = System.nanoTime();
            TestExecutionSummary summary = listener.getSummary();
            FailureCauses failureCauses = new FailureCauses();
            summary.getFailures().forEach(failure -> failureCauses.add(failure.getException()));
            return new ContenderOutcome(end - start, (int) summary.getTestsSucceededCount(),
                    (int) summary.getTestsFailedCount(), summary.getTestsAbortedCount() > 0, trace, failureCauses);
        } finally {
            JupiterBatch.clear();
        }
    }

    private static LauncherConfig launcherConfig() {
        return LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build();
    }

    private LauncherDiscoveryRequest request() {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(JupiterParallelEvals.class))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                        Integer.toString(parallelism))
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size",
                        Integer.toString(parallelism))
                .build();
    }
}

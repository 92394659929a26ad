package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** JUnit 6's launcher cancellation reaches evals4j: the rows after the cancellation do not run. */
class CancellationTest {

    private static final int CANCEL_AFTER_ROWS = 3;

    @Test
    void cancellingTheLauncherStopsTheRemainingRowsPromptly() {
        CancellationToken token = CancellationToken.create();
        AtomicInteger rowsStarted = new AtomicInteger();
        AtomicInteger rowsFinished = new AtomicInteger();
        TestExecutionResult[] method = new TestExecutionResult[1];
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier identifier) {
                if (identifier.isTest()) {
                    rowsStarted.incrementAndGet();
                }
            }

            @Override
            public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                if (identifier.isTest() && rowsFinished.incrementAndGet() == CANCEL_AFTER_ROWS) {
                    token.cancel();
                }
                if (identifier.getUniqueId().endsWith("[method:slow(int)]")) {
                    method[0] = result;
                }
            }
        };
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SlowEvals.class))
                .filters(EngineFilter.includeEngines("evals4j"))
                .configurationParameter("evals4j.storage", "none")
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.reportDir", "target/evals4j")
                .build();

        long start = System.nanoTime();
        LauncherFactory.create().execute(LauncherExecutionRequestBuilder.request(discovery)
                .listeners(listener).cancellationToken(token).build());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(rowsStarted.get() <= CANCEL_AFTER_ROWS + 2,
                "rows started after the cancellation: " + rowsStarted.get() + " of " + SlowEvals.ROWS);
        assertEquals(rowsStarted.get(), rowsFinished.get(), "every started row finished");
        assertTrue(elapsed.compareTo(Duration.ofSeconds(10)) < 0, "the run took " + elapsed + ", half of what all rows take");
        assertEquals(TestExecutionResult.Status.ABORTED, method[0].getStatus(), String.valueOf(method[0]));
    }
}

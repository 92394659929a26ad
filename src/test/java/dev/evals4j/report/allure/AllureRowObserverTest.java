package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.evals4j.report.fixtures.ReportedEvals;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class AllureRowObserverTest {

    /** Keeps what Allure writes in memory. */
    private static final class Written implements AllureResultsWriter {
        final List<TestResult> results = new ArrayList<>();

        @Override
        public void write(TestResult result) {
            results.add(result);
        }

        @Override
        public void write(TestResultContainer container) {}

        @Override
        public void write(String source, InputStream attachment) {}
    }

    @Test
    void anEnclosingTestCaseIsLeftAloneWhenAllureDoesNotListenToTheEngine() {
        Written written = new Written();
        AllureLifecycle lifecycle = new AllureLifecycle(written);
        String outer = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(outer).setName("outer"));
        lifecycle.startTestCase(outer);
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        ReportedEvals.reset();
        try {
            EngineTestKit.engine("evals4j").selectors(selectClass(ReportedEvals.class))
                    .configurationParameter("evals4j.progress", "off")
                    .configurationParameter("evals4j.retry.wait", "none")
                    .configurationParameter("evals4j.storage", "none")
                    .execute();
        } finally {
            Allure.setLifecycle(previous);
        }
        lifecycle.stopTestCase(outer);
        lifecycle.writeTestCase(outer);

        assertThat(written.results).singleElement().satisfies(result -> {
            assertThat(result.getName()).isEqualTo("outer");
            assertThat(result.getParameters()).isEmpty();
            assertThat(result.getSteps()).isEmpty();
        });
    }
}

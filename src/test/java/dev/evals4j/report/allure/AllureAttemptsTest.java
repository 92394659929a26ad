package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllureAttemptsTest {

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

    private final Written written = new Written();
    private final AllureLifecycle lifecycle = new AllureLifecycle(written);
    private final AllureAttempts attempts = new AllureAttempts(lifecycle);

    @Test
    void aStepMadeDuringAnAttemptIsCapturedForItsRowAndTheThreadGetsItsTestCaseBack() {
        String outer = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult().setUuid(outer).setName("outer"));
        lifecycle.startTestCase(outer);

        var scope = attempts.enter("q1", 0, 1);
        assertThat(lifecycle.getCurrentTestCase()).get().isNotEqualTo(outer);
        step("ask q1");
        scope.leaveThread();
        assertThat(lifecycle.getCurrentTestCase()).contains(outer);
        scope.end();

        assertThat(attempts.take("q1", 0)).singleElement().satisfies(captured -> {
            assertThat(captured.attempt()).isEqualTo(1);
            assertThat(captured.steps()).extracting(StepResult::getName).containsExactly("ask q1");
        });
        assertThat(attempts.take("q1", 0)).as("taken once").isEmpty();
        lifecycle.stopTestCase(outer);
        lifecycle.writeTestCase(outer);
        assertThat(written.results).singleElement().satisfies(result -> assertThat(result.getSteps()).isEmpty());
    }

    /** Under {@code report=summary}, or for a success under {@code report=failures}, no row's result takes them. */
    @Test
    void whatTheAttemptsOfARowThatIsNotReportedToldAllureIsDropped() {
        AllureRowObserver observer = new AllureRowObserver(lifecycle, Clock.systemUTC());
        var scope = observer.attempts().enter("q1", 0, 1);
        step("ask q1");
        scope.leaveThread();
        scope.end();

        observer.rowNotReported("q1", 0);

        assertThat(((AllureAttempts) observer.attempts()).take("q1", 0)).isEmpty();
    }

    @Test
    void aThreadThatHadNoTestCaseHasNoneAfterTheAttempt() {
        var scope = attempts.enter("q1", 2, 1);
        scope.leaveThread();
        scope.end();

        assertThat(lifecycle.getCurrentTestCase()).isEmpty();
        assertThat(attempts.take("q1", 2)).as("an attempt that told Allure nothing").isEmpty();
    }

    @Test
    void standInsAreReusedAndNeverWritten() {
        List<String> standIns = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            var scope = attempts.enter("q1", 0, attempt);
            standIns.add(lifecycle.getCurrentTestCase().orElseThrow());
            step("attempt " + attempt);
            scope.leaveThread();
            scope.end();
        }

        assertThat(standIns).containsOnly(standIns.get(0));
        assertThat(attempts.take("q1", 0)).extracting(captured -> captured.steps().get(0).getName())
                .containsExactly("attempt 1", "attempt 2", "attempt 3");
        assertThat(written.results).isEmpty();
    }

    @Test
    void threadsStartedDuringAnAttemptReportToItsRow() throws InterruptedException {
        var scope = attempts.enter("q1", 0, 1);
        Thread client = new Thread(() -> step("on the client's thread"));
        client.start();
        scope.leaveThread();
        client.join();
        scope.end();

        assertThat(attempts.take("q1", 0)).singleElement()
                .satisfies(captured -> assertThat(captured.steps()).extracting(StepResult::getName)
                        .containsExactly("on the client's thread"));
    }

    private void step(String name) {
        String uuid = UUID.randomUUID().toString();
        lifecycle.startStep(uuid, new StepResult().setName(name));
        lifecycle.stopStep(uuid);
    }
}

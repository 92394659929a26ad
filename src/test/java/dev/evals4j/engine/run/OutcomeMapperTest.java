package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.dataset.Row;
import dev.evals4j.engine.row.OutcomeMapper;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.report.RowRecord.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class OutcomeMapperTest {

    private static final RowItem ITEM = new RowItem(new Row("q1", 0, Map.of("q", "x"), "d.jsonl:1"), 1, false);
    private static final RowOutcome FAILING = new RowOutcome(false, "41", Map.of("exact", 0.0),
            List.of("exact=0.000 (expected 42)"), Map.of());

    private static ExecutionDetails details(ExecutionStatus status, Throwable... exceptions) {
        Instant now = Instant.now();
        return new ExecutionDetails(status, List.of(exceptions), Math.max(1, exceptions.length), 0, now, now, 0.1);
    }

    @Test
    void passingOutcomeIsSuccessful() {
        OutcomeMapper.Mapped mapped = OutcomeMapper.map(ITEM, RowOutcome.pass(), details(ExecutionStatus.COMPLETED), false);
        assertThat(mapped.result().getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(mapped.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void failingScoreIsAnAssertionFailureNamingTheScores() {
        IOException retried = new IOException("reset");
        OutcomeMapper.Mapped mapped = OutcomeMapper.map(ITEM, FAILING,
                details(ExecutionStatus.COMPLETED_WITH_RETRIES, retried), false);

        assertThat(mapped.result().getStatus()).isEqualTo(Status.FAILED);
        assertThat(mapped.verdict()).isEqualTo(Verdict.FAILED);
        Throwable failure = mapped.result().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessage("Row 'q1' failed: exact=0.000 (expected 42)");
        assertThat(failure.getSuppressed()).containsExactly(retried);
    }

    @Test
    void failingScoreUnderAThresholdIsSuccessfulButCountedAsFailed() {
        OutcomeMapper.Mapped mapped = OutcomeMapper.map(ITEM, FAILING, details(ExecutionStatus.COMPLETED), true);
        assertThat(mapped.result().getStatus()).isEqualTo(Status.SUCCESSFUL);
        assertThat(mapped.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void exhaustedAttemptsCarryTheLastExceptionWithTheEarlierOnesSuppressed() {
        IOException first = new IOException("attempt 1");
        IOException second = new IOException("attempt 2");
        IOException last = new IOException("attempt 3");

        OutcomeMapper.Mapped mapped = OutcomeMapper.map(ITEM, null, details(ExecutionStatus.FAILED, first, second, last),
                false);

        assertThat(mapped.result().getStatus()).isEqualTo(Status.FAILED);
        assertThat(mapped.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(mapped.result().getThrowable()).containsSame(last);
        assertThat(last.getSuppressed()).containsExactly(first, second);
    }

    @Test
    void thrownAssertionIsAnEvalFailureReportedAsItself() {
        AssertionFailedError assertion = new AssertionFailedError("wrong", "42", "41");
        OutcomeMapper.Mapped mapped = OutcomeMapper.map(ITEM, RowOutcome.failed(assertion),
                details(ExecutionStatus.COMPLETED), false);
        assertThat(mapped.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(mapped.result().getThrowable()).containsSame(assertion);
    }

    @Test
    void didNotRunIsAbortedWithTheReason() {
        OutcomeMapper.Mapped mapped = OutcomeMapper.map(ITEM, null, ExecutionDetails.didNotRun(), false);
        assertThat(mapped.result().getStatus()).isEqualTo(Status.ABORTED);
        assertThat(mapped.verdict()).isEqualTo(Verdict.DID_NOT_RUN);
        assertThat(mapped.result().getThrowable().orElseThrow()).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Row 'q1' did not run");
    }
}

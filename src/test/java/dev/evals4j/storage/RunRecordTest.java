package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = START.plusSeconds(3);

    @Test
    void failedDetailsBecomeARedactedHistoryAndAOneLineError() {
        ExecutionDetails details = new ExecutionDetails(ExecutionStatus.FAILED,
                List.of(new IOException("reset"), new UncheckedIOException(
                        new IOException("401\nAuthorization: Bearer abcdefghijk"))),
                2, 0, START, END, 1.5);

        RunRecord run = RunRecord.of(7, new RunKey("q1", 1), details, null, null, "hash");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.attempts()).isEqualTo(2);
        assertThat(run.start()).isEqualTo(START);
        assertThat(run.end()).isEqualTo(END);
        assertThat(run.key()).isEqualTo(new RunKey("q1", 1));
        assertThat(run.history()).extracting(AttemptError::type)
                .containsExactly("java.io.IOException", "java.io.UncheckedIOException");
        assertThat(run.history().get(1).message()).contains("Authorization: Bearer ***").doesNotContain("abcdefghijk");
        assertThat(run.error()).isEqualTo("java.io.UncheckedIOException: java.io.IOException: 401");
        assertThat(run.history().get(0).stack().lines()).hasSizeBetween(1, AttemptError.STACK_FRAMES);
    }

    @Test
    void completedWithRetriesKeepsTheHistoryButHasNoError() {
        ExecutionDetails details = new ExecutionDetails(ExecutionStatus.COMPLETED_WITH_RETRIES,
                List.of(new IOException("reset")), 2, 0, START, END, 1.0);

        RunRecord run = RunRecord.of(7, new RunKey("q1", 0), details, "\"4\"", "[]", "hash");

        assertThat(run.error()).isNull();
        assertThat(run.history()).hasSize(1);
        assertThat(run.passed()).isTrue();
    }

    @Test
    void didNotRunHasNoTimesAndNoAttempts() {
        RunRecord run = RunRecord.of(7, new RunKey("q1", 0), ExecutionDetails.didNotRun(), null, null, "hash");

        assertThat(run).isEqualTo(RunRecord.didNotRun(7, new RunKey("q1", 0), "hash"));
        assertThat(run.attempts()).isZero();
        assertThat(run.start()).isNull();
        assertThat(run.passed()).isFalse();
    }

    @Test
    void historyRoundTripsThroughJson() {
        List<AttemptError> history = List.of(new AttemptError("a.B", "line 1\n\"quoted\"", "at x\nat y"),
                new AttemptError("c.D", "", ""));

        assertThat(AttemptError.listFromJson(AttemptError.toJson(history))).isEqualTo(history);
        assertThat(AttemptError.listFromJson(null)).isEmpty();
    }

    @Test
    void scoresRoundTripThroughJsonAndDecidePassing() {
        List<ScoreRecord> scores = List.of(new ScoreRecord("exact", 1.0, true, null),
                new ScoreRecord("latency", 812.0, null, "ms"));
        RunRecord run = RunRecord.didNotRun(1, new RunKey("r", 0), null);

        assertThat(ScoreRecord.listFromJson(ScoreRecord.toJson(scores))).isEqualTo(scores);
        assertThat(ScoreRecord.toJson(scores)).contains("\"name\":\"exact\"", "\"value\":1.0", "\"passed\":true");
        assertThat(new RunRecord(1, "r", 0, ExecutionStatus.COMPLETED, null,
                ScoreRecord.toJson(List.of(new ScoreRecord("judge", 0.2, false, "wrong"))), null, List.of(), 1,
                START, END, null).passed()).isFalse();
        assertThat(run.withScores("[]").scoresJson()).isEqualTo("[]");
    }

    @Test
    void corruptStoredJsonIsAnErrorNotAnEmptyList() {
        assertThatThrownBy(() -> AttemptError.listFromJson("[{\"type\":"))
                .isInstanceOf(StoreException.class).hasMessageContaining("attempt history");
    }
}

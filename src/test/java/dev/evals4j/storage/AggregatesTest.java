package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.evals4j.execution.ExecutionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AggregatesTest {

    @ParameterizedTest
    @CsvSource({
        // successes, trials, lower, upper (reference values of the Wilson score interval, z = 1.96)
        "8, 10, 0.4902, 0.9433",
        "0, 10, 0.0000, 0.2775",
        "10, 10, 0.7225, 1.0000",
        "50, 100, 0.4038, 0.5962",
        "1, 1, 0.2065, 1.0000",
    })
    void wilsonIntervalMatchesReferenceValues(long successes, long trials, double lower, double upper) {
        Interval interval = Aggregates.wilson95(successes, trials).orElseThrow();

        assertThat(interval.lower()).isCloseTo(lower, within(1e-4));
        assertThat(interval.upper()).isCloseTo(upper, within(1e-4));
    }

    @Test
    void noTrialsHaveNoInterval() {
        assertThat(Aggregates.wilson95(0, 0)).isEmpty();
        assertThatThrownBy(() -> Aggregates.wilson95(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tallyCountsPassedFailedErrorsDidNotRunAndMeanScores() {
        RunTally tally = new RunTally();
        tally.add(run(ExecutionStatus.COMPLETED, new ScoreRecord("exact", 1.0, true, null),
                new ScoreRecord("len", 10.0, null, null)));
        tally.add(run(ExecutionStatus.COMPLETED_WITH_RETRIES, new ScoreRecord("exact", 0.0, false, null)));
        tally.add(run(ExecutionStatus.COMPLETED));
        tally.add(run(ExecutionStatus.FAILED));
        tally.add(run(ExecutionStatus.DID_NOT_RUN));

        RunSummary summary = tally.summary();

        assertThat(summary).isEqualTo(new RunSummary(5, 3, 1, 2, 1, 1, 1,
                java.util.Map.of("exact", 0.5, "len", 10.0)));
        assertThat(summary.meanScores().keySet()).containsExactly("exact", "len");
        assertThat(summary.accuracy()).hasValueCloseTo(2.0 / 3, within(1e-9));
        assertThat(summary.accuracyInterval()).contains(Aggregates.wilson95(2, 3).orElseThrow());
    }

    @Test
    void nothingCompletedHasNoAccuracy() {
        RunTally tally = new RunTally();
        tally.add(run(ExecutionStatus.FAILED));

        assertThat(tally.summary().accuracy()).isEmpty();
        assertThat(tally.summary().accuracyInterval()).isEmpty();
    }

    private static RunRecord run(ExecutionStatus status, ScoreRecord... scores) {
        return new RunRecord(1, "r", 0, status, null, ScoreRecord.toJson(List.of(scores)), null, List.of(),
                1, null, null, null);
    }
}

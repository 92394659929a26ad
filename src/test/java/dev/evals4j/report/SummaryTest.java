package dev.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evals4j.report.RowRecord.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void wilsonIntervalMatchesTheClosedForm() {
        // 8 of 10: the textbook Wilson 95% interval is [0.4902, 0.9433].
        WilsonInterval ci = WilsonInterval.of95(8, 10);
        assertThat(ci.low()).isCloseTo(0.4902, within(1e-4));
        assertThat(ci.high()).isCloseTo(0.9433, within(1e-4));
        assertThat(WilsonInterval.of95(0, 0)).isEqualTo(new WilsonInterval(0, 1));
        assertThat(WilsonInterval.of95(5, 5).high()).isEqualTo(1.0);
    }

    @Test
    void accumulatesVerdictsRetriesAndMeanScores() {
        SummaryAccumulator acc = new SummaryAccumulator(false);
        acc.add(new RowRecord("a", 1, Verdict.PASSED, 1, 0, 0.1, Map.of("match", 1.0)));
        acc.add(new RowRecord("b", 1, Verdict.PASSED, 3, 1, 0.1, Map.of("match", 1.0)));
        acc.add(new RowRecord("c", 1, Verdict.FAILED, 1, 0, 0.1, Map.of("match", 0.0)));
        acc.add(new RowRecord("d", 1, Verdict.ERROR, 4, 0, 0.1, Map.of()));
        acc.add(new RowRecord("e", 1, Verdict.DID_NOT_RUN, 0, 0, 0, Map.of()));

        MethodSummary s = acc.summarize("solves", 7, 5, Duration.ofSeconds(2));

        assertThat(s.rows()).isEqualTo(5);
        assertThat(s.passed()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.didNotRun()).isEqualTo(1);
        assertThat(s.retries()).isEqualTo(1 + 3); // 3 attempts with 1 rate limit: 1 retry; 4 attempts: 3 retries
        assertThat(s.rateLimitHits()).isEqualTo(1);
        assertThat(s.accuracy()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.passRate()).isCloseTo(0.4, within(1e-9));
        assertThat(s.errorRate()).isCloseTo(0.4, within(1e-9));
        assertThat(s.meanScores()).containsEntry("match", 2.0 / 3);
        assertThat(s.throughput()).isCloseTo(2.5, within(1e-9));
        assertThat(s.metric("mean:match")).hasValue(2.0 / 3);
        assertThat(s.metric("mean:nothing")).isEmpty();
        assertThat(s.toLine()).contains("rows=5", "accuracy=0.667", "retries=4", "peakConcurrency=7");
    }

    @Test
    void repeatedRowsReportAgreementAndSpread() {
        SummaryAccumulator acc = new SummaryAccumulator(true);
        List<Verdict> stable = List.of(Verdict.PASSED, Verdict.PASSED, Verdict.PASSED);
        for (int rep = 1; rep <= stable.size(); rep++) {
            acc.add(new RowRecord("stable", rep, stable.get(rep - 1), 1, 0, 0, Map.of()));
        }
        List<Verdict> coin = List.of(Verdict.PASSED, Verdict.FAILED, Verdict.PASSED, Verdict.FAILED);
        for (int rep = 1; rep <= coin.size(); rep++) {
            acc.add(new RowRecord("coin", rep, coin.get(rep - 1), 1, 0, 0, Map.of()));
        }
        acc.add(new RowRecord("broken", 1, Verdict.ERROR, 4, 0, 0, Map.of()));

        RepetitionStats stats = acc.summarize("m", 1, 1, Duration.ofSeconds(1)).repetitions().orElseThrow();

        assertThat(stats.rows()).isEqualTo(2);
        assertThat(stats.agreement()).isEqualTo(0.5);
        assertThat(stats.meanStdDev()).isCloseTo(0.25, within(1e-9)); // (0 + 0.5) / 2
        // Repetitions 1 and 3: both rows pass; 2: one of two; 4: only "coin" ran, and failed.
        assertThat(stats.accuracyByRepetition()).containsExactly(1.0, 0.5, 1.0, 0.0);
        assertThat(stats.minAccuracy()).isEqualTo(0.0);
        assertThat(stats.maxAccuracy()).isEqualTo(1.0);
        assertThat(stats.accuracyStdDev()).isCloseTo(Math.sqrt(0.171875), within(1e-9));
        assertThat(new SummaryAccumulator(false).summarize("m", 1, 1, Duration.ZERO).repetitions()).isEmpty();
    }

    @Test
    void thresholdReportsWhichBoundIsMissed() {
        MethodSummary s = new MethodSummary("m", 10, 7, 3, 0, 0, 0, 0, new TreeMap<>(Map.of("sim", 0.5)),
                Optional.empty(), 1,
                1, Duration.ofSeconds(1));

        assertThat(new ThresholdSpec("accuracy", 0.8, Double.POSITIVE_INFINITY).violation(s))
                .hasValue("accuracy = 0.7000 is below the minimum 0.8000");
        assertThat(new ThresholdSpec("accuracy", 0.7, Double.POSITIVE_INFINITY).violation(s)).isEmpty();
        assertThat(new ThresholdSpec("error_rate", Double.NEGATIVE_INFINITY, 0.0).violation(s)).isEmpty();
        assertThat(new ThresholdSpec("mean:sim", Double.NEGATIVE_INFINITY, 0.4).violation(s))
                .hasValue("mean:sim = 0.5000 is above the maximum 0.4000");
        assertThat(new ThresholdSpec("mean:other", 0.1, 1).violation(s).orElseThrow())
                .contains("'mean:other' has no value", "[sim]");
    }

    @Test
    void tableHasAHeaderAndOneLinePerMethod() {
        MethodSummary s = new SummaryAccumulator(false).summarize("solves(String)", 3, 3, Duration.ofMillis(1500));

        String table = SummaryTable.render(List.of(s));

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().toList().get(1)).startsWith("method")
                .containsSubsequence("passed", "failed", "errors", "not run", "accuracy [95% CI]");
        assertThat(table.lines().toList().get(3)).startsWith("solves(String)").contains("1.5s");
        assertThat(SummaryTable.render(List.of())).isEmpty();
    }

    @Test
    void plainLinesAreThrottledByTheCallersClock() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                ProgressDisplay.Style.LINES);
        ProgressSnapshot snapshot = new ProgressSnapshot("solves", 10, -1, 3, 1, 2, 2_000_000_000L);

        display.update(snapshot, 0);               // starts the clock, prints nothing
        display.update(snapshot, 4_000_000_000L);  // too early
        display.update(snapshot, 5_000_000_000L);  // one line
        display.update(snapshot, 6_000_000_000L);  // too early again

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("[evals4j] solves: 10 rows, 5.0 rows/s, 3 in flight, 1 retries, 2 429s");
    }

    @Test
    void offDisplayPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                ProgressDisplay.Style.OFF);
        ProgressSnapshot snapshot = new ProgressSnapshot("m", 1, 10, 1, 0, 0, 1);
        display.update(snapshot, 0);
        display.update(snapshot, 60_000_000_000L);
        display.finish();
        assertThat(bytes.size()).isZero();
        assertThat(snapshot.render()).startsWith("m: 1/10 rows");
    }
}

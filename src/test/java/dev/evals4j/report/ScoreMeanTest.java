package dev.evals4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.evals4j.report.RowRecord.Verdict;
import dev.evals4j.storage.Aggregates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mean of each score with its 95% confidence interval, as the summary reports it. */
class ScoreMeanTest {

    @Test
    void aGradedScoreGetsTheNormalIntervalOfItsMean() {
        // values 0.2, 0.4, 0.6, 0.8, 1.0: mean 0.6, sample sd sqrt(0.1), so the half width is z * sqrt(0.1 / 5)
        MethodSummary summary = summaryOf("mrr", List.of(0.2, 0.4, 0.6, 0.8, 1.0));

        ScoreMean mean = summary.scoreMeans().get("mrr");
        double halfWidth = Aggregates.Z_95 * Math.sqrt(0.1 / 5);
        assertThat(mean.mean()).isCloseTo(0.6, within(1e-12));
        assertThat(mean.low()).isCloseTo(0.6 - halfWidth, within(1e-12));
        assertThat(mean.high()).isCloseTo(Math.min(1.0, 0.6 + halfWidth), within(1e-12));
        assertThat(mean.count()).isEqualTo(5);
    }

    @Test
    void theIntervalStaysWithinTheValuesSeen() {
        ScoreMean mean = summaryOf("recall@5", List.of(0.5, 1.0, 1.0, 1.0)).scoreMeans().get("recall@5");

        assertThat(mean.high()).as("no recall above the highest seen").isEqualTo(1.0);
        assertThat(mean.low()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void aPassFailScoreGetsTheWilsonInterval() {
        ScoreMean mean = summaryOf("exact_match", List.of(1.0, 1.0, 1.0, 0.0)).scoreMeans().get("exact_match");

        WilsonInterval wilson = WilsonInterval.of95(3, 4);
        assertThat(mean.mean()).isEqualTo(0.75);
        assertThat(mean.low()).isEqualTo(wilson.low());
        assertThat(mean.high()).isEqualTo(wilson.high());
    }

    @Test
    void aSingleValueIsItsOwnInterval() {
        ScoreMean mean = summaryOf("ndcg@10", List.of(0.7)).scoreMeans().get("ndcg@10");

        assertThat(List.of(mean.low(), mean.mean(), mean.high())).containsOnly(0.7);
    }

    @Test
    void theTableTheLineAndTheThresholdMetricShowTheMeanWithItsInterval() {
        MethodSummary summary = summaryOf("mrr", List.of(0.2, 0.4, 0.6, 0.8, 1.0));
        ScoreMean mean = summary.scoreMeans().get("mrr");
        String interval = String.format(java.util.Locale.ROOT, "mrr=0.600 [%.3f, %.3f]", mean.low(), mean.high());

        assertThat(SummaryTable.render(List.of(summary))).contains(interval);
        assertThat(summary.toLine()).contains("means={" + interval + "}");
        assertThat(summary.meanScores()).containsEntry("mrr", mean.mean());
        assertThat(summary.metric("mean:mrr").getAsDouble()).isCloseTo(0.6, within(1e-12));
    }

    private static MethodSummary summaryOf(String score, List<Double> values) {
        SummaryAccumulator accumulator = new SummaryAccumulator(false);
        for (int i = 0; i < values.size(); i++) {
            accumulator.add(new RowRecord("r" + i, 1, Verdict.PASSED, 1, 0, 0, Map.of(score, values.get(i))));
        }
        return accumulator.summarize("m", 1, 1, Duration.ofSeconds(1));
    }
}

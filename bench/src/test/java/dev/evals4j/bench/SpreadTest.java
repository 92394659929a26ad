package dev.evals4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void theMedianOfThreeRunsIsTheMiddleOneAndTheRangeIsTheirMinimumAndMaximum() {
        Spread spread = Spread.of(List.of(1.30, 1.05, 1.12));

        assertThat(spread.median()).isEqualTo(1.12);
        assertThat(spread.min()).isEqualTo(1.05);
        assertThat(spread.max()).isEqualTo(1.30);
        assertThat(spread.describe("%.2f")).isEqualTo("1.12 (1.05–1.30)");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void oneRunHasNoRange() {
        Spread spread = Spread.of(List.of(1.2));

        assertThat(spread.describe("%.2f")).isEqualTo("1.20");
    }

    @Test
    void noRunsIsAMistake() {
        assertThatIllegalArgumentException().isThrownBy(() -> Spread.of(List.of()))
                .withMessageContaining("at least one value");
    }

    @Test
    void theMedianRunIsTheRunWhoseRatioIsTheMedian() {
        BenchRow fast = row(1, 1.05);
        BenchRow slow = row(2, 1.30);
        BenchRow middle = row(3, 1.12);

        assertThat(Spread.medianRun(List.of(fast, slow, middle))).isEqualTo(middle);
    }

    private static BenchRow row(int run, double ratio) {
        return new BenchRow("rate-limited", "default", run, 100, ratio * 10, 10, ratio, 100, 0, 100, 0, 0, null);
    }
}

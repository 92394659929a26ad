package dev.evals4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RampTest {

    @Test
    void theFinalThroughputIsTheRateBetweenHalfAndNineTenthsOfTheCompletions() {
        List<Double> completions = evenly(0, 10, 1_000);

        assertThat(Ramp.finalThroughput(completions)).isCloseTo(100, within(0.5));
    }

    @Test
    void aClientAtFullSpeedFromTheStartReachesNinetyPercentWithinOneWindow() {
        OptionalDouble ramp = Ramp.secondsToNinetyPercent(evenly(0, 10, 1_000));

        assertThat(ramp).isPresent();
        assertThat(ramp.getAsDouble()).isLessThanOrEqualTo(Ramp.WINDOW_SECONDS);
    }

    @Test
    void aClientThatDoublesEverySecondReachesNinetyPercentWhenItsRateDoes() {
        List<Double> completions = new ArrayList<>();
        completions.addAll(evenly(0, 1, 10));
        completions.addAll(evenly(1, 2, 20));
        completions.addAll(evenly(2, 3, 40));
        completions.addAll(evenly(3, 10, 700));

        OptionalDouble ramp = Ramp.secondsToNinetyPercent(completions);

        assertThat(ramp).isPresent();
        assertThat(ramp.getAsDouble()).isBetween(3.0, 3.0 + Ramp.WINDOW_SECONDS);
    }

    @Test
    void tooFewCompletionsHaveNoRamp() {
        assertThat(Ramp.secondsToNinetyPercent(evenly(0, 1, 10))).isEmpty();
        assertThat(Ramp.secondsToNinetyPercent(List.of())).isEmpty();
    }

    /** {@code count} completions spread evenly over ({@code from}, {@code to}]. */
    private static List<Double> evenly(double from, double to, int count) {
        List<Double> times = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            times.add(from + (to - from) * i / count);
        }
        return times;
    }
}

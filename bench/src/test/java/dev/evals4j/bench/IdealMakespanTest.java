package dev.evals4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdealMakespanTest {

    @Test
    void eachCallTakesTheFirstSlotThatFrees() {
        // slots: [3] and [1, 1, 2] -> the last call ends at 4
        assertThat(IdealMakespan.listScheduling(new double[] {3, 1, 1, 2}, 2)).isEqualTo(4.0);
    }

    @Test
    void withMoreSlotsThanCallsTheLongestCallIsTheMakespan() {
        assertThat(IdealMakespan.listScheduling(new double[] {0.5, 2.5, 1}, 100)).isEqualTo(2.5);
    }

    @Test
    void theSimulatorsDrawsAreTheLogNormalOfItsSeededGaussians() {
        double[] draws = IdealMakespan.simulatorLatencies(Duration.ofMillis(500), 0.5, 42, 3);

        Random random = new Random(42);
        for (double draw : draws) {
            assertThat(draw).isCloseTo(0.5 * Math.exp(0.5 * random.nextGaussian()), within(1e-9));
        }
    }

    @Test
    void aConstantLatencyIsTheMedian() {
        assertThat(IdealMakespan.simulatorLatencies(Duration.ofMillis(50), 0, 42, 2)).containsExactly(0.05, 0.05);
    }
}

package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    @Test
    void zeroSigmaGivesAConstantLatencyBelowCapacity() {
        LatencyModel model = new LatencyModel(Duration.ofMillis(50), 0, 10, new Random(1));

        assertThat(IntStream.rangeClosed(1, 10).mapToObj(model::sample)).containsOnly(Duration.ofMillis(50));
    }

    @Test
    void latencyGrowsInProportionToTheLoadAboveCapacity() {
        LatencyModel model = new LatencyModel(Duration.ofMillis(50), 0, 10, new Random(1));

        assertThat(model.sample(20)).isEqualTo(Duration.ofMillis(100));
        assertThat(model.sample(40)).isEqualTo(Duration.ofMillis(200));
        assertThat(LatencyModel.saturationFactor(10, 10)).isEqualTo(1.0);
        assertThat(LatencyModel.saturationFactor(15, 10)).isEqualTo(1.5);
    }

    @Test
    void logNormalSamplesHaveTheConfiguredMedianAndSpread() {
        LatencyModel model = new LatencyModel(Duration.ofMillis(100), 0.5, Integer.MAX_VALUE, new Random(7));
        long[] millis = IntStream.range(0, 4001).mapToLong(i -> model.sample(1).toMillis()).sorted().toArray();

        assertThat(millis[2000]).as("median").isBetween(90L, 110L);
        assertThat(millis[3364]).as("84th percentile ~ median * e^sigma = 165 ms").isBetween(145L, 185L);
        assertThat(millis[0]).isPositive();
    }

    @Test
    void aFixedSeedReproducesTheSequence() {
        long[] first = draw(new LatencyModel(Duration.ofMillis(50), 1.0, 4, new Random(99)));
        long[] second = draw(new LatencyModel(Duration.ofMillis(50), 1.0, 4, new Random(99)));

        assertThat(first).isEqualTo(second);
        assertThat(Arrays.stream(first).distinct().count()).isGreaterThan(90);
    }

    private static long[] draw(LatencyModel model) {
        return IntStream.range(0, 100).mapToLong(i -> model.sample(1 + i % 8).toNanos()).toArray();
    }
}

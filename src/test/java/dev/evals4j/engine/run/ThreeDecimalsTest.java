package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreeDecimalsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.0, 1, 0.5, 0.0005, 0.00049, 1.0005, 2.0005, 0.9995, 0.12345, -0.0005, -1.0005,
            12.3456, 999.9995, 999_999.9995, 1_000_000.0005, 0.0015, 0.0025, 1.0015, 1e-10, 1e15, 1.2345678e20, -3.75, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void writesWhatTheFormatterWrites(double value) {
        assertThat(ThreeDecimals.of(value)).isEqualTo(String.format(Locale.ROOT, "%.3f", value));
    }

    @Test
    void writesWhatTheFormatterWritesForScoresAndDurations() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 5) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextDouble(0, 600);
                case 2 -> random.nextInt(-2_000_000, 2_000_000) / 2_000.0; // ties: x.xxx5
                case 3 -> random.nextDouble(-2e6, 2e6);
                default -> random.nextInt(-100_000, 100_000) / 10_000.0;
            };
            assertThat(ThreeDecimals.of(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.3f", value));
        }
    }
}

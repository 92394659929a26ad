package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    @Test
    void faultsAppearAtTheirConfiguredRates() {
        Map<Fault, Integer> counts = draw(new FaultInjector(0.05, 0.01, new Random(3)), 20_000);

        assertThat(counts.getOrDefault(Fault.HANG, 0)).isBetween(140, 260);
        assertThat(counts.getOrDefault(Fault.INTERNAL_ERROR, 0) + counts.getOrDefault(Fault.UNAVAILABLE, 0))
                .isBetween(850, 1150);
        assertThat(counts.getOrDefault(Fault.INTERNAL_ERROR, 0)).as("both error kinds occur").isPositive();
        assertThat(counts.getOrDefault(Fault.UNAVAILABLE, 0)).isPositive();
    }

    @Test
    void zeroRatesNeverFaultAndFullRatesAlwaysDo() {
        assertThat(draw(new FaultInjector(0, 0, new Random(1)), 1000)).containsOnlyKeys(Fault.NONE);
        assertThat(draw(new FaultInjector(0, 1, new Random(1)), 1000)).containsOnlyKeys(Fault.HANG);
        assertThat(draw(new FaultInjector(1, 0, new Random(1)), 1000))
                .containsOnlyKeys(Fault.INTERNAL_ERROR, Fault.UNAVAILABLE);
    }

    @Test
    void aFixedSeedReproducesTheCounts() {
        assertThat(draw(new FaultInjector(0.1, 0.1, new Random(5)), 500))
                .isEqualTo(draw(new FaultInjector(0.1, 0.1, new Random(5)), 500));
    }

    private static Map<Fault, Integer> draw(FaultInjector injector, int requests) {
        Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
        for (int i = 0; i < requests; i++) {
            counts.merge(injector.next(), 1, Integer::sum);
        }
        return counts;
    }
}

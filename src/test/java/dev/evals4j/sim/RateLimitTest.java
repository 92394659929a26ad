package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final RateLimit dropsToAQuarterAndRecovers = RateLimit.of(20, 5)
            .withStep(Duration.ofSeconds(20), 40)
            .withStep(Duration.ofSeconds(10), 5);

    @Test
    void rateFollowsTheStepsInTimeOrder() {
        assertThat(dropsToAQuarterAndRecovers.steps()).extracting(RateLimit.Step::at)
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(dropsToAQuarterAndRecovers.rateAt(0)).isEqualTo(20);
        assertThat(dropsToAQuarterAndRecovers.rateAt(9.999)).isEqualTo(20);
        assertThat(dropsToAQuarterAndRecovers.rateAt(10)).isEqualTo(5);
        assertThat(dropsToAQuarterAndRecovers.rateAt(25)).isEqualTo(40);
    }

    @Test
    void permitsIntegrateTheRateAcrossSteps() {
        assertThat(dropsToAQuarterAndRecovers.permitsBetween(0, 5)).isCloseTo(100, within(1e-9));
        assertThat(dropsToAQuarterAndRecovers.permitsBetween(8, 12)).isCloseTo(2 * 20 + 2 * 5, within(1e-9));
        assertThat(dropsToAQuarterAndRecovers.permitsBetween(5, 25)).isCloseTo(5 * 20 + 10 * 5 + 5 * 40, within(1e-9));
        assertThat(dropsToAQuarterAndRecovers.permitsBetween(12, 12)).isZero();
        assertThat(dropsToAQuarterAndRecovers.permitsBetween(12, 11)).isZero();
    }

    @Test
    void unlimitedAdmitsEverythingAndTakesNoSchedule() {
        assertThat(RateLimit.unlimited().isUnlimited()).isTrue();
        assertThat(RateLimit.unlimited().permitsBetween(0, 1)).isInfinite();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimit.unlimited().withStep(Duration.ofSeconds(1), 5))
                .withMessageContaining("unlimited");
    }

    @Test
    void invalidValuesAreRejectedWithTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.of(0, 5))
                .withMessageContaining("requestsPerSecond").withMessageContaining("0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.of(5, 0))
                .withMessageContaining("burst").withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.of(5, 1).withStep(Duration.ofSeconds(-1), 2))
                .withMessageContaining("negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimit.of(5, 1).withStep(Duration.ofSeconds(1), 2).withStep(Duration.ofSeconds(1), 3))
                .withMessageContaining("same time");
    }
}

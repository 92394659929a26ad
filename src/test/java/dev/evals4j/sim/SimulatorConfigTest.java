package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void defaultsDescribeAFastWellBehavedProvider() {
        SimulatorConfig config = SimulatorConfig.builder().build();

        assertThat(config.port()).isZero();
        assertThat(config.latencyMedian()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.latencySigma()).isZero();
        assertThat(config.rateLimit().isUnlimited()).isTrue();
        assertThat(config.hasCapacityLimit()).isFalse();
        assertThat(config.maxHang()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.accuracy()).isEqualTo(1.0);
    }

    @Test
    void theOracleIsCopied() {
        Map<String, String> answers = new HashMap<>(Map.of("q", "a"));
        SimulatorConfig config = SimulatorConfig.builder().oracle(answers).build();
        answers.put("q2", "b");

        assertThat(config.oracle()).containsOnlyKeys("q");
    }

    @Test
    void rateStepsNeedARateLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorConfig.builder().rateStep(Duration.ofSeconds(1), 5))
                .withMessageContaining("rateLimit(rate, burst) first");
        assertThat(SimulatorConfig.builder().rateLimit(10, 2).rateStep(Duration.ofSeconds(1), 5).build()
                .rateLimit().rateAt(2)).isEqualTo(5);
    }

    @Test
    void aMinimumRetryAfterNeedsARateLimitAndSurvivesRateSteps() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorConfig.builder().minRetryAfter(Duration.ofSeconds(1)))
                .withMessageContaining("rateLimit(rate, burst) first");
        RateLimit limit = SimulatorConfig.builder().rateLimit(10, 2).minRetryAfter(Duration.ofSeconds(1))
                .rateStep(Duration.ofSeconds(1), 5).build().rateLimit();
        assertThat(limit.minRetryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimit.of(10, 2).withMinRetryAfter(Duration.ofMillis(-1)))
                .withMessage("minRetryAfter must not be negative, got PT-0.001S");
    }

    @Test
    void invalidValuesNameTheFieldAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().port(70_000).build())
                .withMessage("port must be in [0, 65535] (0 = ephemeral), got 70000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorConfig.builder().latency(Duration.ofMillis(5), 4).build())
                .withMessageContaining("latencySigma").withMessageContaining("4.0");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().capacity(0).build())
                .withMessage("capacity must be at least 1, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().hangRate(-0.1).build())
                .withMessage("hangRate must be in [0, 1], got -0.1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SimulatorConfig.builder().errorRate(0.6).hangRate(0.6).build())
                .withMessageContaining("must not exceed 1");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().maxHang(Duration.ZERO).build())
                .withMessageContaining("maxHang must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorConfig.builder().accuracy(1.5).build())
                .withMessageContaining("accuracy");
    }
}

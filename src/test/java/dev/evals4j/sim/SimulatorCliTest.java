package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorCliTest {

    @Test
    void defaultsToPort8089AndAnUnlimitedEchoProvider() {
        SimulatorConfig config = SimulatorCli.parse();

        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.latencyMedian()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.rateLimit().isUnlimited()).isTrue();
        assertThat(config.hasCapacityLimit()).isFalse();
        assertThat(config.errorRate()).isZero();
    }

    @Test
    void parsesEveryFlagInBothForms() {
        SimulatorConfig config = SimulatorCli.parse("--port", "0", "--latency-ms", "75", "--latency-sigma=0.4",
                "--rate", "20", "--burst=5", "--schedule", "30:5, 60:20", "--capacity", "50", "--error-rate", "0.05",
                "--hang-rate", "0.01", "--max-hang-s", "1.5", "--accuracy", "0.8", "--seed", "7");

        assertThat(config.port()).isZero();
        assertThat(config.latencyMedian()).isEqualTo(Duration.ofMillis(75));
        assertThat(config.latencySigma()).isEqualTo(0.4);
        assertThat(config.rateLimit()).isEqualTo(RateLimit.of(20, 5)
                .withStep(Duration.ofSeconds(30), 5).withStep(Duration.ofSeconds(60), 20));
        assertThat(config.capacity()).isEqualTo(50);
        assertThat(config.errorRate()).isEqualTo(0.05);
        assertThat(config.hangRate()).isEqualTo(0.01);
        assertThat(config.maxHang()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.accuracy()).isEqualTo(0.8);
        assertThat(config.seed()).isEqualTo(7);
    }

    @Test
    void theBurstDefaultsToOneSecondOfTheRate() {
        assertThat(SimulatorCli.parse("--rate", "12.5").rateLimit().burst()).isEqualTo(13);
        assertThat(SimulatorCli.parse("--rate", "0.2").rateLimit().burst()).isEqualTo(1);
    }

    @Test
    void badFlagsNameTheFlagAndTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--latency", "5"))
                .withMessageContaining("unknown flag '--latency'").withMessageContaining("--latency-ms");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--rate"))
                .withMessage("--rate needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--rate", "fast"))
                .withMessage("--rate: 'fast' is not a number");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--port", "1.5"))
                .withMessage("--port: '1.5' is not a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--burst", "5"))
                .withMessage("--burst needs --rate");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--rate", "5", "--schedule", "30"))
                .withMessageContaining("'30' must be AT:RATE");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--error-rate", "2"))
                .withMessageContaining("errorRate must be in [0, 1], got 2.0");
        assertThatIllegalArgumentException().isThrownBy(() -> SimulatorCli.parse("--seed", "1", "--seed", "2"))
                .withMessage("--seed is given twice");
    }

    @Test
    void runPrintsTheUsageAndReturns2ForBadFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SimulatorCli.run(new String[] {"--capacity", "-1"}, print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--capacity must be 0 (unlimited) or positive, got -1")
                .contains("Usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void helpPrintsTheUsageAndReturns0() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(SimulatorCli.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--hang-rate");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}

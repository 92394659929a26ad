package dev.evals4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's simulator JVM starts a fresh provider for every {@code start} and stops it on {@code stop}. */
class BenchSimulatorHostTest {

    @Test
    void everyStartAnswersTheAddressOfAFreshProviderAndStopClosesIt() throws IOException {
        List<String> answers = serve("start --port 0 --latency-ms 1", "start --port 0 --rate 5", "stop");

        assertThat(answers).hasSize(3);
        assertThat(answers.get(0)).startsWith(SimulatorHost.LISTENING + "http://127.0.0.1:").endsWith("/v1");
        assertThat(answers.get(1)).startsWith(SimulatorHost.LISTENING).isNotEqualTo(answers.get(0));
        assertThat(answers.get(2)).isEqualTo(SimulatorHost.STOPPED);
    }

    @Test
    void badFlagsAndUnknownCommandsAreAnsweredWithTheReason() throws IOException {
        List<String> answers = serve("start --rate fast", "restart");

        assertThat(answers.get(0)).startsWith(SimulatorHost.FAILED).contains("--rate", "fast");
        assertThat(answers.get(1)).isEqualTo(SimulatorHost.FAILED + "unknown command 'restart'; allowed: start <flags>, stop");
    }

    private static List<String> serve(String... commands) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SimulatorHost().serve(new ByteArrayInputStream(String.join("\n", commands).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

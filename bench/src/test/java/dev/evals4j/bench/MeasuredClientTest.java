package dev.evals4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.sim.SimClient;
import dev.evals4j.sim.SimulatedProvider;
import dev.evals4j.sim.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ramp of the executor contenders is read from the completions their asynchronous calls record. */
class MeasuredClientTest {

    @Test
    void anAsynchronousChatRecordsItsCompletionAndLatency() throws Exception {
        try (SimulatedProvider provider = SimulatedProvider.start(
                SimulatorConfig.builder().latency(Duration.ZERO).port(0).build())) {
            MeasuredClient client = new MeasuredClient(SimClient.builder().baseUrl(provider.baseUrl()).build());
            long origin = System.nanoTime();

            client.chat("2+2").get();

            assertThat(client.completionSeconds(origin)).hasSize(1);
            assertThat(client.latencies().percentileSeconds(95)).isGreaterThan(0);
        }
    }
}

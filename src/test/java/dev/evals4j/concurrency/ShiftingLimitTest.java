package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The default pacer against a provider whose limit shifts, as in the benchmark's shifting scenario: 100
 * requests/s (burst 10), a quarter of that from 2 s to 4 s, then 100 again; 500 rows of 50 ms. The
 * ideal is the time the schedule takes to admit 500 requests: 200 + 50 by 4 s, then 2.5 s more.
 */
class ShiftingLimitTest {

    private static final double IDEAL_SECONDS = 6.5;

    @Test
    void theDefaultPacerClimbsBackSoonAfterTheProviderRaisesItsLimit() {
        ManualTicker ticker = new ManualTicker();
        RequestPacer pacer = ConcurrencyStrategies.defaults(100, ticker).pacer();
        RateLimitedProviderModel provider = new RateLimitedProviderModel(
                millis -> millis >= 2_000 && millis < 4_000 ? 25 : 100, 10, 50, 100);

        RateLimitedProviderModel.Run run = provider.run(pacer, ticker, 500, 20_000);

        // With a constant x1.5 per second it climbed from 24 to 100 requests/s in 3.5 s: 1.20 x ideal.
        assertThat(run.makespanMillis() / 1000.0 / IDEAL_SECONDS).as("makespan / ideal").isLessThan(1.15);
    }
}

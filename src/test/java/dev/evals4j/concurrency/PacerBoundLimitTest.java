package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The issue's flaky workload (40 requests/s, burst 5, 300 ms calls, 5% transient errors) needs
 * 40 x 0.3 = 12 calls in flight. While the pacer bounds the starts, the hill-climb's measurements see the
 * pacer's throughput, and a raise cannot pay: the default's limit must still stay above what the rate
 * needs, through the pacer's dips and the bursts of errors, over a long run.
 */
class PacerBoundLimitTest {

    private static final double RATE = 40;
    private static final long LATENCY_MILLIS = 300;
    private static final int NEEDED_IN_FLIGHT = (int) (RATE * LATENCY_MILLIS / 1000);

    private final ManualTicker ticker = new ManualTicker();

    @Test
    void theDefaultKeepsEnoughCallsInFlightForTheRateWhileThePacerBoundsTheStarts() {
        FlakyRateLimitedModel provider = new FlakyRateLimitedModel(RATE, 5, LATENCY_MILLIS, 0.05);
        int rows = 1_200;

        FlakyRateLimitedModel.Run run = provider.run(ConcurrencyStrategies.defaults(100, ticker), ticker, rows, 60_000);

        assertThat(run.lowestLimitFrom(3_000)).as("the limit after the start").isGreaterThanOrEqualTo(NEEDED_IN_FLIGHT + 2);
        assertThat(run.makespanMillis()).as("within 1.15 x N / R").isLessThan((long) (1.15 * rows / RATE * 1000));
    }
}

package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every pacer tells the rate it admits requests at, for the concurrency chart. */
class PacerRateTest {

    private final ManualTicker ticker = new ManualTicker();

    @Test
    void anUnlimitedPacerAdmitsAnInfiniteRate() {
        assertThat(RequestPacer.unlimited().requestsPerSecond()).isInfinite();
    }

    @Test
    void theAdaptiveRateLimiterTellsItsCurrentRate() {
        RequestPacer pacer = AdaptiveRateLimiter.builder().ticker(ticker).initialRate(4).growthPerSecond(1).build();

        assertThat(pacer.requestsPerSecond()).isEqualTo(4);
    }

    @Test
    void theDefaultPacerIsUnpacedUntilARateLimitThenTellsTheRateItSet() {
        RequestPacer pacer = ConcurrencyStrategies.defaults(8, ticker).pacer();
        assertThat(pacer.requestsPerSecond()).isInfinite();

        pacer.tryAcquire();
        pacer.onRateLimited(ticker.nanoTime());

        assertThat(pacer.requestsPerSecond()).isFinite().isPositive();
    }
}

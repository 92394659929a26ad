package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveSlowStartTest {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final long LATENCY_NANOS = LATENCY.toNanos();

    private final ManualTicker ticker = new ManualTicker();

    private Adaptive slowStarting(int max, int initial) {
        return Adaptive.builder().maxConcurrency(max).initialConcurrency(initial)
                .rateLimitResponse(Adaptive.RateLimitResponse.IGNORE).slowStart(true).ticker(ticker).build();
    }

    private void succeed(Adaptive adaptive, int times) {
        for (int i = 0; i < times; i++) {
            adaptive.onSuccess(ticker.nanoTime() - LATENCY_NANOS, LATENCY_NANOS);
        }
    }

    @Test
    void everySuccessRaisesTheLimitByThree() {
        Adaptive adaptive = slowStarting(100, 10);

        succeed(adaptive, 10);

        assertThat(adaptive.limit()).as("one round trip of 10 calls quadruples 10").isEqualTo(40);
    }

    @Test
    void withNoLimitReaches100InFlightWithinTwoRoundTripsFrom10() {
        Adaptive adaptive = slowStarting(100, 10);
        SimulatedLoad load = SimulatedLoad.scaling(ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(2));

        assertThat(load.millisUntilLimit(100)).isPresent();
        assertThat(load.millisUntilLimit(100).getAsInt()).isLessThanOrEqualTo(2 * 50);
        assertThat(adaptive.limit()).isEqualTo(100);
    }

    @Test
    void theLogNormalSpreadOfAnLlmsLatenciesIsNotTakenForQueueing() {
        for (long seed = 0; seed < 20; seed++) {
            ManualTicker clock = new ManualTicker();
            Adaptive adaptive = Adaptive.builder().maxConcurrency(100).initialConcurrency(10)
                    .rateLimitResponse(Adaptive.RateLimitResponse.IGNORE).slowStart(true).ticker(clock).build();
            LogNormalProvider provider = new LogNormalProvider(clock, Duration.ofMillis(500), 0.5, seed, 100);

            provider.run(adaptive, 1_000);

            assertThat(provider.millisUntilTarget()).as("seed %d: within 2.5 median latencies", seed)
                    .isLessThanOrEqualTo(1_250);
            assertThat(provider.lowestLimitAfterTarget()).as("seed %d", seed).isEqualTo(100);
        }
    }

    @Test
    void longCallsRampToTheMaximumWithinAboutOneRoundTrip() {
        for (long seed = 0; seed < 20; seed++) {
            ManualTicker clock = new ManualTicker();
            Adaptive adaptive = Adaptive.builder().maxConcurrency(100).initialConcurrency(10)
                    .rateLimitResponse(Adaptive.RateLimitResponse.IGNORE).slowStart(true).ticker(clock).build();
            LogNormalProvider provider = new LogNormalProvider(clock, Duration.ofMillis(500), 0.5, seed, 100);

            provider.run(adaptive, 1_000);

            assertThat(provider.millisUntilTarget()).as("seed %d: within 1.3 median latencies", seed)
                    .isLessThanOrEqualTo(650);
            assertThat(provider.lowestLimitAfterTarget()).as("seed %d", seed).isEqualTo(100);
        }
    }

    @Test
    void beforeTheFirstOutcomeTheLimitStaysAtItsStartHoweverLongTheCallsTake() {
        Adaptive adaptive = slowStarting(100, 10);
        assertThat(adaptive.limit()).isEqualTo(10);

        ticker.advanceMillis(2_000);

        assertThat(adaptive.limit()).as("a cold client delivers even its first 429s about 2 s late: 90 more calls"
                + " would meet a provider's burst of 5 unpaced").isEqualTo(10);
    }

    @Test
    void isOffByDefault() {
        Adaptive adaptive = new Adaptive(100, 10, ticker);

        succeed(adaptive, 10);

        assertThat(adaptive.limit()).isEqualTo(10);
    }

    @Test
    void stopsWhereLatencyRisesWithoutOvershootingFarBeyondTheKnee() {
        Adaptive adaptive = slowStarting(100, 5);
        SimulatedLoad load = SimulatedLoad.saturatingAt(40, ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(60));

        // Latency doubles at 80 calls, which the median of the last 20 successes shows by the time the
        // limit reaches 100; it falls to the limit over the rise (about 40); the hill-climb's one
        // doubling does not pay, so it holds near 40 with cautious 10% probes that do not pay either.
        assertThat(peakBeforeFirstDecrease(load.limitTrace())).isBetween(40, 100);
        assertThat(load.lowestLimitDuringLast(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(38);
        assertThat(load.peakLimitDuringLast(Duration.ofSeconds(30))).as("probes above the knee are undone").isLessThanOrEqualTo(60);
    }

    private static int peakBeforeFirstDecrease(List<Integer> limits) {
        int peak = limits.get(0);
        for (int limit : limits) {
            if (limit < peak) {
                break;
            }
            peak = limit;
        }
        return peak;
    }

    @Test
    void aTimeoutEndsSlowStartForGood() {
        Adaptive adaptive = slowStarting(100, 10);
        succeed(adaptive, 10);

        adaptive.onTimeout(ticker.nanoTime());
        succeed(adaptive, 30);

        assertThat(adaptive.limit()).as("0.7 x 40, no longer raised per success").isEqualTo(28);
    }

    @Test
    void aRateLimitEndsSlowStartButKeepsTheLimit() {
        Adaptive adaptive = slowStarting(100, 10);
        succeed(adaptive, 6);

        adaptive.onRateLimited(ticker.nanoTime());
        succeed(adaptive, 30);

        assertThat(adaptive.limit()).as("10 + 6 x 3").isEqualTo(28);
    }

    @Test
    void theHillClimbTakesOverAfterSlowStart() {
        Adaptive adaptive = slowStarting(100, 10);
        succeed(adaptive, 6);
        adaptive.onRateLimited(ticker.nanoTime());
        SimulatedLoad load = SimulatedLoad.scaling(ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(60));

        assertThat(adaptive.limit()).as("cautious probes still find a provider that scales").isGreaterThan(30);
    }
}

package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveTest {

    private static final Duration LATENCY = Duration.ofMillis(50);

    private final ManualTicker ticker = new ManualTicker();

    private Adaptive adaptive(int max, int initial) {
        return new Adaptive(max, initial, ticker);
    }

    @Test
    void climbsFastToTheMaximumWhenThroughputGrowsWithConcurrency() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad load = SimulatedLoad.scaling(ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(5));

        assertThat(load.millisUntilLimit(100)).isPresent();
        assertThat(load.millisUntilLimit(100).getAsInt()).isLessThan(1_500);
        assertThat(adaptive.limit()).isEqualTo(100);
    }

    @Test
    void climbsUnderSlowCallsToo() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad load = SimulatedLoad.scaling(ticker, Duration.ofSeconds(2));

        load.run(adaptive, Duration.ofSeconds(120));

        assertThat(adaptive.limit()).isEqualTo(100);
    }

    @Test
    void holdsBelowTheMaximumWhenMoreConcurrencyNoLongerBuysThroughput() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad load = SimulatedLoad.saturatingAt(10, ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(60));

        assertThat(load.peakLimit()).isLessThanOrEqualTo(20);
        assertThat(load.peakLimitDuringLast(Duration.ofSeconds(30))).isLessThanOrEqualTo(11);
        assertThat(load.lowestLimitDuringLast(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(9);
    }

    @Test
    void settlesNearTheKneeOfAProviderThatSaturatesHigher() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad load = SimulatedLoad.saturatingAt(40, ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(60));

        assertThat(load.lowestLimitDuringLast(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(30);
        assertThat(load.peakLimitDuringLast(Duration.ofSeconds(30))).isLessThanOrEqualTo(44);
    }

    @Test
    void flatThroughputAtTheStartDoesNotClimb() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad load = SimulatedLoad.saturatingAt(5, ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(30));

        assertThat(load.peakLimit()).isLessThanOrEqualTo(10);
        assertThat(adaptive.limit()).isBetween(5, 6);
    }

    @Test
    void neverLeavesItsMinimumAndMaximum() {
        Adaptive adaptive = Adaptive.builder().minConcurrency(3).maxConcurrency(7).initialConcurrency(3)
                .ticker(ticker).build();
        SimulatedLoad load = SimulatedLoad.scaling(ticker, LATENCY);

        load.run(adaptive, Duration.ofSeconds(10));
        assertThat(load.peakLimit()).isEqualTo(7);

        for (int i = 0; i < 10; i++) {
            ticker.advanceSeconds(20);
            adaptive.onError(ticker.nanoTime());
        }
        assertThat(adaptive.limit()).isEqualTo(3);
    }

    @Test
    void aTimeoutBacksOffByPointSevenAtOnce() {
        Adaptive adaptive = adaptive(100, 20);

        adaptive.onTimeout(ticker.nanoTime());

        assertThat(adaptive.limit()).isEqualTo(14);
    }

    @Test
    void rateLimitsBackOffLikeTimeoutsByDefault() {
        Adaptive rateLimits = adaptive(100, 20);

        rateLimits.onRateLimited(ticker.nanoTime());

        assertThat(rateLimits.limit()).isEqualTo(14);
    }

    @Test
    void rateLimitsLeaveTheLimitAloneWhenAPacerAnswersThem() {
        Adaptive adaptive = Adaptive.builder().initialConcurrency(20)
                .rateLimitResponse(Adaptive.RateLimitResponse.IGNORE).ticker(ticker).build();

        for (int i = 0; i < 30; i++) {
            ticker.advanceMillis(10);
            adaptive.onRateLimited(ticker.nanoTime());
        }

        assertThat(adaptive.limit()).isEqualTo(20);
    }

    @Test
    void isolatedErrorsDoNotBackOff() {
        Adaptive adaptive = adaptive(100, 20);

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                ticker.advanceMillis(1);
                adaptive.onError(ticker.nanoTime());
            }
            for (int i = 0; i < 20; i++) {
                adaptive.onSuccess(ticker.nanoTime(), LATENCY.toNanos());
            }
        }

        assertThat(adaptive.limit()).as("4 of the last 20 outcomes failed, at most").isGreaterThanOrEqualTo(20);
    }

    @Test
    void errorsInMoreThanAFifthOfTheLastTwentyOutcomesBackOff() {
        Adaptive adaptive = adaptive(100, 20);
        for (int i = 0; i < 4; i++) {
            ticker.advanceMillis(1);
            adaptive.onError(ticker.nanoTime());
        }
        assertThat(adaptive.limit()).isEqualTo(20);

        ticker.advanceMillis(1);
        adaptive.onError(ticker.nanoTime());

        assertThat(adaptive.limit()).as("5 of 20 failed").isEqualTo(14);
    }

    @Test
    void aBackOffNeedsFreshErrorsForTheNextOne() {
        Adaptive adaptive = adaptive(100, 20);
        for (int i = 0; i < 5; i++) {
            ticker.advanceMillis(1);
            adaptive.onError(ticker.nanoTime());
        }
        assertThat(adaptive.limit()).isEqualTo(14);

        ticker.advanceMillis(1);
        adaptive.onError(ticker.nanoTime());

        assertThat(adaptive.limit()).as("the window was cleared by the back-off").isEqualTo(14);
    }

    @Test
    void anErrorShareThresholdOfZeroBacksOffOnEveryError() {
        Adaptive adaptive = Adaptive.builder().initialConcurrency(20).errorShareThreshold(0).ticker(ticker).build();

        adaptive.onError(ticker.nanoTime());

        assertThat(adaptive.limit()).isEqualTo(14);
    }

    @Test
    void errorsFromCallsStartedBeforeTheBackOffAreAlreadyAnswered() {
        Adaptive adaptive = adaptive(100, 20);
        long sentEarlier = ticker.nanoTime();
        ticker.advanceMillis(10);

        adaptive.onRateLimited(sentEarlier);
        for (int i = 0; i < 30; i++) {
            adaptive.onRateLimited(sentEarlier);
        }

        assertThat(adaptive.limit()).isEqualTo(14);
    }

    @Test
    void aSecondBackOffWithinTheCollapseWindowCollapsesToTheMinimum() {
        Adaptive adaptive = adaptive(100, 20);
        adaptive.onTimeout(ticker.nanoTime());
        ticker.advanceSeconds(1);

        adaptive.onTimeout(ticker.nanoTime());

        assertThat(adaptive.limit()).isEqualTo(1);
    }

    @Test
    void backOffsFurtherApartThanTheCollapseWindowOnlyBackOff() {
        Adaptive adaptive = adaptive(100, 20);
        adaptive.onTimeout(ticker.nanoTime());
        ticker.advanceSeconds(16);

        adaptive.onTimeout(ticker.nanoTime());

        assertThat(adaptive.limit()).isEqualTo(9);
    }

    @Test
    void afterACollapseItDoublesBackToSevenTenthsOfTheFailedLimitThenProbesCautiously() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad load = SimulatedLoad.scaling(ticker, LATENCY);
        load.run(adaptive, Duration.ofSeconds(3));
        assertThat(adaptive.limit()).isEqualTo(100);

        adaptive.onRateLimited(ticker.nanoTime());
        ticker.advanceMillis(1);
        adaptive.onRateLimited(ticker.nanoTime());
        assertThat(adaptive.limit()).as("100 backed off to 70, which failed too").isEqualTo(1);

        load.run(adaptive, Duration.ofMillis(2_500));
        assertThat(adaptive.limit()).as("ramped back to 0.7 x 70, then 10%% steps").isBetween(49, 69);

        load.run(adaptive, Duration.ofSeconds(5));
        assertThat(adaptive.limit()).as("no further error: back at the maximum").isEqualTo(100);
    }

    @Test
    void withoutCollapseOnErrorsABurstOf500sBacksOffButNeverToTheMinimum() {
        Adaptive adaptive = Adaptive.builder().initialConcurrency(40).collapseOnErrors(false).ticker(ticker).build();

        for (int burst = 0; burst < 3; burst++) {
            ticker.advanceMillis(10);
            for (int i = 0; i < 5; i++) {
                adaptive.onError(ticker.nanoTime());
            }
        }

        assertThat(adaptive.limit()).as("three back-offs of 0.7 from 40, no collapse").isEqualTo(13);
    }

    @Test
    void withoutCollapseOnErrorsTheLimitDoublesBackOnceTheErrorsStop() {
        Adaptive adaptive = Adaptive.builder().initialConcurrency(5).collapseOnErrors(false).ticker(ticker).build();
        SimulatedLoad load = SimulatedLoad.scaling(ticker, LATENCY);
        load.run(adaptive, Duration.ofSeconds(3));
        assertThat(adaptive.limit()).isEqualTo(100);
        for (int i = 0; i < 5; i++) {
            adaptive.onError(ticker.nanoTime());
        }
        assertThat(adaptive.limit()).isEqualTo(70);

        load.run(adaptive, Duration.ofMillis(500));

        assertThat(adaptive.limit()).as("doubled back to the ceiling before the errors").isEqualTo(100);
    }

    @Test
    void aSteadyFivePercentOfTransient500sUnderTheDefaultsKeepsTheLimitAtTheMaximum() {
        ConcurrencyStrategy strategy = ConcurrencyStrategies.defaults(100, ticker).strategy();
        java.util.Random random = new java.util.Random(7);
        int lowest = Integer.MAX_VALUE;
        for (int i = 0; i < 5_000; i++) {
            ticker.advanceMillis(1);
            long start = ticker.nanoTime() - LATENCY.toNanos();
            if (random.nextDouble() < 0.05) {
                strategy.onError(start);
            } else {
                strategy.onSuccess(start, LATENCY.toNanos());
            }
            if (i > 1_000) {
                lowest = Math.min(lowest, strategy.limit());
            }
        }

        assertThat(lowest).as("5% of errors is not overload").isGreaterThanOrEqualTo(49);
    }

    @Test
    void aRaiseItsCallsDoNotFillIsKeptThoughItBuysLittle() {
        Adaptive adaptive = adaptive(100, 10);
        SimulatedLoad load = SimulatedLoad.paced(38, ticker, Duration.ofMillis(300));

        load.run(adaptive, Duration.ofSeconds(30));

        assertThat(load.lowestLimitDuringLast(Duration.ofSeconds(20)))
                .as("10 calls of 300 ms serve 33 a second of the 38 the pacer admits; 20 serve all 38 with about"
                        + " 11 in flight: undoing the doubling would make 10 the bound again")
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void aHeldLimitIsNotLoweredWhenThroughputFallsWithItsCallsFarFromFillingIt() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad.saturatingAt(20, ticker, Duration.ofMillis(100)).run(adaptive, Duration.ofSeconds(20));
        assertThat(adaptive.limit()).as("at the knee or probing just above it").isBetween(20, 22);

        for (int second = 0; second < 30; second++) {
            double admittedPerSecond = second % 2 == 0 ? 60 : 45;
            succeedEvenly(adaptive, admittedPerSecond, Duration.ofMillis(100), Duration.ofSeconds(1));
        }

        assertThat(adaptive.limit()).as("a pacer admits 45 to 60 calls a second of 100 ms: 4.5 to 6 in flight,"
                + " so the limit is not what bounds the throughput").isGreaterThanOrEqualTo(20);
    }

    @Test
    void aHeldLimitIsLoweredWhenThroughputFallsWithItsCallsFillingIt() {
        Adaptive adaptive = adaptive(100, 5);
        SimulatedLoad.saturatingAt(20, ticker, Duration.ofMillis(100)).run(adaptive, Duration.ofSeconds(20));
        int held = adaptive.limit();

        succeedEvenly(adaptive, held / 0.3, Duration.ofMillis(300), Duration.ofSeconds(10));

        assertThat(adaptive.limit()).as("calls three times slower, %d in flight", held).isLessThan(held);
    }

    /** Reports {@code perSecond} successes of {@code latency} each, evenly spread over {@code duration}. */
    private void succeedEvenly(Adaptive adaptive, double perSecond, Duration latency, Duration duration) {
        long interval = Math.round(1e9 / perSecond);
        for (long elapsed = interval; elapsed <= duration.toNanos(); elapsed += interval) {
            ticker.advance(Duration.ofNanos(interval));
            adaptive.onSuccess(ticker.nanoTime() - latency.toNanos(), latency.toNanos());
        }
    }

    @Test
    void theSameInputsGiveTheSameSequenceOfLimits() {
        ManualTicker otherTicker = new ManualTicker();
        SimulatedLoad first = SimulatedLoad.saturatingAt(25, ticker, LATENCY);
        SimulatedLoad second = SimulatedLoad.saturatingAt(25, otherTicker, LATENCY);

        first.run(adaptive(100, 5), Duration.ofSeconds(20));
        second.run(new Adaptive(100, 5, otherTicker), Duration.ofSeconds(20));

        assertThat(first.limitTrace()).isEqualTo(second.limitTrace());
    }

    @Test
    void smoothsLatency() {
        Adaptive adaptive = adaptive(100, 5);
        assertThat(adaptive.smoothedLatencyNanos()).isZero();

        adaptive.onSuccess(ticker.nanoTime(), 100);
        adaptive.onSuccess(ticker.nanoTime(), 200);

        assertThat(adaptive.smoothedLatencyNanos()).isEqualTo(120);
    }

    @Test
    void rejectsInconsistentSettingsWithTheirValues() {
        assertThatThrownBy(() -> adaptive(10, 11)).hasMessageContaining("initialConcurrency must be in [1, 10], was 11");
        assertThatThrownBy(() -> Adaptive.builder().minConcurrency(5).maxConcurrency(4).initialConcurrency(4).build())
                .hasMessageContaining("minConcurrency (5) must not exceed maxConcurrency (4)");
        assertThatThrownBy(() -> Adaptive.builder().errorBackoff(1.2)).hasMessageContaining("errorBackoff");
        assertThatThrownBy(() -> Adaptive.builder().errorShareThreshold(1))
                .hasMessageContaining("errorShareThreshold must be in [0, 1), was 1.0");
    }
}

package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConcurrencyStrategiesTest {

    private final ManualTicker ticker = new ManualTicker();

    @Test
    void buildsEveryStrategyByName() {
        assertThat(ConcurrencyStrategies.create("adaptive", 50, 7, ticker))
                .isInstanceOf(Adaptive.class)
                .satisfies(s -> assertThat(s.limit()).isEqualTo(7));
        assertThat(ConcurrencyStrategies.create("aimd", 50, 3, ticker))
                .isInstanceOf(Aimd.class)
                .satisfies(s -> assertThat(s.limit()).isEqualTo(3));
        assertThat(ConcurrencyStrategies.create("sliding", 12, 1, ticker).limit()).isEqualTo(12);
        assertThat(ConcurrencyStrategies.create("sequential", 12, 5, ticker).limit()).isEqualTo(1);
    }

    @Test
    void namesAreCaseInsensitiveAndTrimmed() {
        assertThat(ConcurrencyStrategies.create(" AIMD ", 10, 2, ticker).name()).isEqualTo("aimd");
    }

    @Test
    void anUnknownNameIsRejectedWithTheValueTheKeyAndTheAllowedNames() {
        assertThatThrownBy(() -> ConcurrencyStrategies.create("fastest", 10, 2, ticker))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown concurrency strategy 'fastest' (evals4j.concurrency.strategy); "
                        + "allowed values: adaptive, aimd, sliding, sequential");
    }

    @Test
    void badLimitsNameTheirKeys() {
        assertThatThrownBy(() -> ConcurrencyStrategies.create("sliding", 0, 1, ticker))
                .hasMessageContaining("evals4j.concurrency.max value 0");
        assertThatThrownBy(() -> ConcurrencyStrategies.create("adaptive", 10, 11, ticker))
                .hasMessageContaining("evals4j.concurrency.initial value 11")
                .hasMessageContaining("evals4j.concurrency.max (10)");
    }

    @Test
    void theDefaultStrategySlowStartsThreeMoreCallsPerSuccess() {
        ConcurrencyStrategy strategy = ConcurrencyStrategies.defaults(100, ticker).strategy();

        for (int i = 0; i < 10; i++) {
            strategy.onSuccess(ticker.nanoTime(), 50_000_000L);
        }

        assertThat(strategy.limit()).as("quadrupled in one round trip").isEqualTo(40);
        assertThat(ConcurrencyStrategies.create("adaptive", 100, 10, ticker))
                .as("plain adaptive keeps dotevals' behaviour")
                .satisfies(plain -> {
                    plain.onSuccess(ticker.nanoTime(), 50_000_000L);
                    assertThat(plain.limit()).isEqualTo(10);
                });
    }

    @Test
    void theDefaultIsAdaptiveStartingAtTenOrTheMaximumIfLowerWithAnUnpacedPacer() {
        Throttle defaults = ConcurrencyStrategies.defaults(100, ticker);

        assertThat(defaults.strategy()).isInstanceOf(Adaptive.class);
        assertThat(defaults.strategy().limit()).isEqualTo(10);
        assertThat(ConcurrencyStrategies.defaults(3, ticker).strategy().limit()).isEqualTo(3);
        assertThat(defaults.pacer()).isInstanceOf(RequestAndTokenPacer.class);
        for (int i = 0; i < 1_000; i++) {
            assertThat(defaults.pacer().tryAcquire()).as("unpaced until the first rate limit").isZero();
        }
    }

    @Test
    void theDefaultLeavesRateLimitsToItsPacerAndBacksOffOnTimeouts() {
        Throttle defaults = ConcurrencyStrategies.defaults(100, ticker);
        ConcurrencyStrategy strategy = defaults.strategy();

        strategy.onRateLimited(ticker.nanoTime());
        ticker.advanceMillis(1);
        strategy.onRateLimited(ticker.nanoTime());
        assertThat(strategy.limit()).as("rate limits are the pacer's").isEqualTo(10);

        strategy.onTimeout(ticker.nanoTime());
        assertThat(strategy.limit()).isEqualTo(7);
        ticker.advanceMillis(1);
        strategy.onTimeout(ticker.nanoTime());
        assertThat(strategy.limit()).as("a second back-off within 15 s collapses").isEqualTo(1);
    }

    @Test
    void theDefaultPacerFallsToNineteenTwentiethsOfTheAdmittedRateThenGrowsFasterAndFasterAfterHalfASecond() {
        RequestPacer pacer = ConcurrencyStrategies.defaults(100, ticker).pacer();
        for (int i = 0; i < 100; i++) {
            ticker.advanceMillis(20);
            pacer.onSuccess(ticker.nanoTime());
        }

        pacer.onRateLimited(ticker.nanoTime());

        RequestAndTokenPacer limiter = (RequestAndTokenPacer) pacer;
        assertThat(limiter.requestsPerSecond()).isCloseTo(47.5, within(1e-9));
        ticker.advanceMillis(500);
        assertThat(limiter.requestsPerSecond()).as("the cooldown").isCloseTo(47.5, within(1e-9));
        ticker.advanceSeconds(1);
        assertThat(limiter.requestsPerSecond()).as("then growing, faster as it lasts: x1.5^(t + t^2/2)")
                .isCloseTo(47.5 * Math.pow(1.5, 1.5), within(1e-9));
    }

    @Test
    void theDefaultPacerPacesAtOnceOnARateLimitBeforeAnyMeasurement() {
        RequestPacer pacer = ConcurrencyStrategies.defaults(100, ticker).pacer();
        for (int i = 0; i < 10; i++) {
            assertThat(pacer.tryAcquire()).isZero();
        }
        ticker.advanceSeconds(2);

        pacer.onRateLimited(ticker.nanoTime() - 1);

        assertThat(((RequestAndTokenPacer) pacer).requestsPerSecond()).as("the initial rate").isEqualTo(10);
        assertThat(pacer.tryAcquire()).isPositive();
    }

    @Test
    void defaultsRejectABadMaximumWithItsKey() {
        assertThatThrownBy(() -> ConcurrencyStrategies.defaults(0, ticker))
                .hasMessageContaining("evals4j.concurrency.max value 0");
    }
}

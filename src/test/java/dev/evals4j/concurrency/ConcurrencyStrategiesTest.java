package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theDefaultIsAdaptiveStartingAtFiveOrTheMaximumIfLower() {
        assertThat(ConcurrencyStrategies.defaultStrategy(100, ticker))
                .isInstanceOf(Adaptive.class)
                .satisfies(s -> assertThat(s.limit()).isEqualTo(5));
        assertThat(ConcurrencyStrategies.defaultStrategy(3, ticker).limit()).isEqualTo(3);
    }

    @Test
    void theDefaultBacksOffOnErrors() {
        ConcurrencyStrategy strategy = ConcurrencyStrategies.defaultStrategy(100, ticker);

        strategy.onRateLimited(ticker.nanoTime());
        ticker.advanceMillis(1);
        strategy.onRateLimited(ticker.nanoTime());

        assertThat(strategy.limit()).isEqualTo(1);
    }
}

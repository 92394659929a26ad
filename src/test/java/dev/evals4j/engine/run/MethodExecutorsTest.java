package dev.evals4j.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.engine.config.MethodSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MethodExecutors}: the throttle a method's settings build. */
class MethodExecutorsTest {

    private static MethodSettings concurrent(Optional<String> strategy, int max, int initial) {
        return new MethodSettings(true, strategy, max, initial, 0, Optional.empty(), 1, 0, false);
    }

    @Test
    void theDefaultStrategyStartsAtTheConfiguredInitialConcurrency() {
        assertThat(MethodExecutors.throttle(concurrent(Optional.empty(), 50, 3)).strategy().limit()).isEqualTo(3);
    }

    @Test
    void theDefaultStrategysInitialConcurrencyIsClampedToTheMaximum() {
        assertThat(MethodExecutors.throttle(concurrent(Optional.empty(), 4, 30)).strategy().limit()).isEqualTo(4);
    }

    @Test
    void withoutAnInitialValueTheDefaultStrategyStartsAtItsOwnDefault() {
        assertThat(MethodExecutors.throttle(concurrent(Optional.empty(), 50, 0)).strategy().limit())
                .isEqualTo(ConcurrencyStrategies.DEFAULT_INITIAL_CONCURRENCY);
    }

    @Test
    void aNamedStrategyStartsAtTheConfiguredInitialConcurrency() {
        assertThat(MethodExecutors.throttle(concurrent(Optional.of("aimd"), 50, 7)).strategy().limit()).isEqualTo(7);
    }
}

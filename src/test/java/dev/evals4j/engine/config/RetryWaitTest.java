package dev.evals4j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.RetryPolicy;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryWaitTest {

    private static RetryPolicy policy(String wait) {
        return RetryWait.parse(wait).orElseThrow().applyTo(RetryPolicy.builder()).build();
    }

    @Test
    void parsesTheThreeFormsInTheOneDurationGrammar() {
        SplittableRandom random = new SplittableRandom(1);

        assertThat(policy("fixed:500ms").delayNanos(2, random)).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(policy("fixed:PT1H").delayNanos(1, random)).isEqualTo(Duration.ofHours(1).toNanos());
        assertThat(policy("none").delayNanos(5, random)).isZero();
        assertThat(policy("exponential:2s..1m").delayNanos(10, random))
                .isBetween(Duration.ofSeconds(30).toNanos(), Duration.ofSeconds(60).toNanos());
    }

    @Test
    void printsBackInTheSyntaxItReads() {
        assertThat(RetryWait.defaults()).hasToString("exponential:1s..30s");
        assertThat(RetryWait.parse("fixed:2s")).hasValueSatisfying(w -> assertThat(w).hasToString("fixed:2s"));
        assertThat(RetryWait.parse(" none ")).hasValueSatisfying(w -> assertThat(w).hasToString("none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sometimes", "fixed", "exponential:1s", "exponential:1s..", "fixed:", "linear:1s",
            "fixed:2x", "exponential:30s..1s", "fixed:-1s"})
    void rejectsEverythingElse(String value) {
        assertThat(RetryWait.parse(value)).isEmpty();
    }
}

package dev.evals4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void passAndFailAreOneAndZero() {
        assertThat(Score.pass("exact")).isEqualTo(new Score("exact", 1.0, true, null));
        assertThat(Score.fail("exact", "expected 4 but was 5")).isEqualTo(new Score("exact", 0.0, false, "expected 4 but was 5"));
        assertThat(Score.pass("exact").explanation()).isEmpty();
        assertThat(Score.fail("exact", "why").explanation()).contains("why");
    }

    @Test
    void aBooleanScoreHasNoDetail() {
        assertThat(Score.of("ok", true)).isEqualTo(Score.pass("ok"));
        assertThat(Score.of("ok", false)).isEqualTo(new Score("ok", 0.0, false, null));
    }

    @Test
    void aGradedScorePassesAtOrAboveItsThreshold() {
        assertThat(Score.of("similarity", 0.8, 0.8).passed()).isTrue();
        assertThat(Score.of("similarity", 0.9, 0.8)).isEqualTo(new Score("similarity", 0.9, true, null));
        Score below = Score.of("similarity", 0.5, 0.8);
        assertThat(below.passed()).isFalse();
        assertThat(below.value()).isEqualTo(0.5);
        assertThat(below.detail()).isEqualTo("0.5 is below the threshold 0.8");
        assertThat(Score.of("similarity", Double.NaN, 0.0).passed()).isFalse();
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> Score.pass(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Score.pass(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Score.fail("x", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withDetailKeepsTheRest() {
        assertThat(Score.pass("x").withDetail("fine")).isEqualTo(new Score("x", 1.0, true, "fine"));
    }
}

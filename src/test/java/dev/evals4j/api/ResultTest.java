package dev.evals4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void passesWhenEveryScorePassesAndWhenThereAreNone() {
        assertThat(Result.of("out").passed()).isTrue();
        assertThat(Result.of("out", Score.pass("a"), Score.pass("b")).passed()).isTrue();
        assertThat(Result.of("out", Score.pass("a"), Score.fail("b", "no")).passed()).isFalse();
    }

    @Test
    void theOutputMayBeNull() {
        Result result = Result.of(null, Score.pass("a"));

        assertThat(result.output()).isNull();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void withMetadataReturnsACopyInInsertionOrderAndReplacesAKey() {
        Result plain = Result.of("out");
        Result annotated = plain.withMetadata("model", "m1").withMetadata("tokens", 12).withMetadata("model", "m2")
                .withMetadata("note", null);

        assertThat(plain.metadata()).isEmpty();
        assertThat(annotated.metadata().keySet()).containsExactly("model", "tokens", "note");
        assertThat(annotated.metadata()).containsEntry("model", "m2").containsEntry("note", null);
        assertThatThrownBy(() -> annotated.metadata().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withScoreAppendsAndScoreFindsByName() {
        Result result = Result.of("out", Score.pass("a")).withScore(Score.fail("b", "no"));

        assertThat(result.scores()).extracting(Score::name).containsExactly("a", "b");
        assertThat(result.score("b")).hasValueSatisfying(score -> assertThat(score.passed()).isFalse());
        assertThat(result.score("c")).isEmpty();
        assertThat(result.passed()).isFalse();
    }

    @Test
    void theCanonicalConstructorCopiesItsCollections() {
        List<Score> scores = new ArrayList<>(List.of(Score.pass("a")));
        Map<String, Object> metadata = new HashMap<>(Map.of("k", "v"));
        Result result = new Result("out", scores, metadata);
        scores.add(Score.fail("b", "late"));
        metadata.put("late", true);

        assertThat(result.scores()).hasSize(1);
        assertThat(result.metadata()).containsOnlyKeys("k");
        assertThat(result.passed()).isTrue();
    }
}

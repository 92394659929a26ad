package dev.evals4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Retrieval metrics and semantic similarity, checked against values worked out by hand. */
class RetrievalEvaluatorsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Nested
    class RecallAtK {

        @Test
        void countsTheRelevantItemsAmongTheFirstK() {
            Score score = Evaluators.recallAtK(List.of("d3", "d1", "d7", "d2"), Set.of("d1", "d2"), 3);

            assertThat(score.name()).isEqualTo("recall@3");
            assertThat(score.value()).isEqualTo(0.5);
            assertThat(score.passed()).as("a relevant item is among the first 3").isTrue();
            assertThat(score.detail()).isEqualTo("1 of 2 relevant items in the first 3; missing: [d2]");
        }

        @Test
        void isOneWhenEveryRelevantItemIsInTheFirstK() {
            Score score = Evaluators.recallAtK(List.of("d2", "d1", "d7"), Set.of("d1", "d2"), 2);

            assertThat(score).isEqualTo(new Score("recall@2", 1.0, true, null));
        }

        @Test
        void failsWithZeroWhenNoRelevantItemIsInTheFirstK() {
            Score score = Evaluators.recallAtK(List.of("d3", "d4", "d1"), List.of("d1"), 2);

            assertThat(score.value()).isZero();
            assertThat(score.passed()).isFalse();
            assertThat(score.detail()).isEqualTo("0 of 1 relevant items in the first 2; missing: [d1]; ranked first: [d3, d4]");
        }

        @Test
        void aKBeyondTheRankingCountsTheWholeRanking() {
            Score score = Evaluators.recallAtK(List.of("a", "b"), Set.of("a", "c"), 10);

            assertThat(score.value()).isEqualTo(0.5);
        }

        @Test
        void anItemRankedTwiceCountsOnce() {
            Score score = Evaluators.recallAtK(List.of("a", "a", "b"), Set.of("a", "b"), 2);

            assertThat(score.value()).as("the second 'a' is dropped, so 'b' moves up to rank 2").isEqualTo(1.0);
        }

        @Test
        void rejectsAnEmptyRelevantSetAndAKBelowOne() {
            assertThatThrownBy(() -> Evaluators.recallAtK(List.of("a"), Set.of(), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("recall@1 needs at least one relevant item, but none was given (a dataset problem?)");
            assertThatThrownBy(() -> Evaluators.recallAtK(List.of("a"), Set.of("a"), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("k must be at least 1, but was 0");
        }

        @Test
        void comparesItemsByEquality() {
            assertThat(Evaluators.recallAtK(List.of(3, 1), List.of(1), 2).value()).isEqualTo(1.0);
        }
    }

    @Nested
    class ReciprocalRank {

        @Test
        void isOneOverTheRankOfTheFirstRelevantItem() {
            Score score = Evaluators.reciprocalRank(List.of("d3", "d9", "d1", "d2"), Set.of("d1", "d2"));

            assertThat(score.name()).isEqualTo("mrr");
            assertThat(score.value()).isEqualTo(1.0 / 3);
            assertThat(score.passed()).isTrue();
            assertThat(score.detail()).isEqualTo("first relevant item d1 at rank 3");
        }

        @Test
        void isOneWhenTheFirstItemIsRelevant() {
            assertThat(Evaluators.reciprocalRank(List.of("d1", "d2"), Set.of("d1")))
                    .isEqualTo(new Score("mrr", 1.0, true, null));
        }

        @Test
        void failsWithZeroWhenNoRelevantItemIsRanked() {
            Score score = Evaluators.reciprocalRank(List.of("d3", "d4"), Set.of("d1"));

            assertThat(score.value()).isZero();
            assertThat(score.passed()).isFalse();
            assertThat(score.detail()).isEqualTo("no relevant item in the ranking of 2; relevant: [d1]; ranked first: [d3, d4]");
        }

        @Test
        void duplicatesDoNotPushTheRankBack() {
            assertThat(Evaluators.reciprocalRank(List.of("a", "a", "b"), Set.of("b")).value()).isEqualTo(0.5);
        }

        @Test
        void theMeanOverRowsIsTheMeanReciprocalRank() {
            double mrr = List.of(
                            Evaluators.reciprocalRank(List.of("x", "a"), Set.of("a")),
                            Evaluators.reciprocalRank(List.of("b"), Set.of("b")),
                            Evaluators.reciprocalRank(List.of("x", "y"), Set.of("c")))
                    .stream().mapToDouble(Score::value).average().orElseThrow();

            assertThat(mrr).isEqualTo((0.5 + 1 + 0) / 3);
        }

        @Test
        void rejectsAnEmptyRelevantSet() {
            assertThatThrownBy(() -> Evaluators.reciprocalRank(List.of("a"), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mrr needs at least one relevant item, but none was given (a dataset problem?)");
        }
    }

    @Nested
    class NdcgAtK {

        @Test
        void discountsEachRelevantItemByTheLogOfItsRank() {
            // ranks 1 and 3 relevant: DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
            Score score = Evaluators.ndcgAtK(List.of("a", "x", "b", "y"), Set.of("a", "b"), 3);

            assertThat(score.name()).isEqualTo("ndcg@3");
            assertThat(score.value()).isCloseTo(1.5 / (1 + 1 / LOG2_3), within(1e-12));
            assertThat(score.passed()).isTrue();
        }

        @Test
        void isOneForAnIdealRanking() {
            assertThat(Evaluators.ndcgAtK(List.of("b", "a", "x"), Set.of("a", "b"), 5).value())
                    .isCloseTo(1.0, within(1e-12));
        }

        @Test
        void aKBeyondTheRankingStillExpectsEveryRelevantItem() {
            // the ideal ranking of 3 relevant items within k = 10 has them at ranks 1..3
            Score score = Evaluators.ndcgAtK(List.of("x", "a"), Set.of("a", "b", "c"), 10);

            assertThat(score.value()).isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3 + 0.5), within(1e-12));
        }

        @Test
        void onlyTheFirstKCount() {
            // 'a' at rank 5 is beyond k = 4
            Score beyond = Evaluators.ndcgAtK(List.of("w", "x", "y", "z", "a"), Set.of("a"), 4);
            Score atFive = Evaluators.ndcgAtK(List.of("w", "x", "y", "z", "a"), Set.of("a"), 5);

            assertThat(beyond.value()).isZero();
            assertThat(beyond.passed()).isFalse();
            assertThat(beyond.detail()).isEqualTo("no relevant item in the first 4; relevant: [a]; ranked first: [w, x, y, z]");
            assertThat(atFive.value()).isCloseTo(1 / Math.log(6) * Math.log(2), within(1e-12));
        }

        @Test
        void duplicatesCountOnce() {
            // without deduplication 'a' would gain twice: ranks 1 and 2 of a single relevant item
            assertThat(Evaluators.ndcgAtK(List.of("a", "a"), Set.of("a"), 2).value()).isCloseTo(1.0, within(1e-12));
            assertThat(Evaluators.ndcgAtK(List.of("x", "x", "y", "z", "a"), Set.of("a"), 4).value())
                    .as("'a' is at rank 4 once the second 'x' is dropped").isCloseTo(1 / LOG2_5, within(1e-12));
        }

        @Test
        void rejectsAnEmptyRelevantSetAndAKBelowOne() {
            assertThatThrownBy(() -> Evaluators.ndcgAtK(List.of("a"), Set.of(), 3))
                    .hasMessage("ndcg@3 needs at least one relevant item, but none was given (a dataset problem?)");
            assertThatThrownBy(() -> Evaluators.ndcgAtK(List.of("a"), Set.of("a"), -1))
                    .hasMessage("k must be at least 1, but was -1");
        }
    }

    @Nested
    class SemanticSimilarity {

        /** A fake embedding: fixed vectors for known texts. */
        private final Function<String, float[]> embed = Map.of(
                "a cat", new float[] {1, 0, 0},
                "a kitten", new float[] {3, 4, 0},
                "a car", new float[] {0, 0, 2},
                "nothing", new float[] {0, 0, 0},
                "short", new float[] {1, 0})::get;

        @Test
        void scoresTheCosineSimilarityAndPassesAtTheThreshold() {
            Score score = Evaluators.semanticSimilarity("a kitten", "a cat", embed, 0.6);

            assertThat(score.name()).isEqualTo("semantic_similarity");
            assertThat(score.value()).isCloseTo(0.6, within(1e-6));
            assertThat(score.passed()).isTrue();
            assertThat(score.detail()).isNull();
        }

        @Test
        void failsBelowTheThresholdAndSaysWhatWasCompared() {
            Score score = Evaluators.semanticSimilarity("a car", "a cat", embed, 0.5);

            assertThat(score.value()).isZero();
            assertThat(score.passed()).isFalse();
            assertThat(score.detail()).isEqualTo("cosine similarity 0.000 is below the threshold 0.500 between 'a car' and 'a cat'");
        }

        @Test
        void aNullOutputFailsWithoutCallingTheEmbedding() {
            Score score = Evaluators.semanticSimilarity(null, "a cat", text -> {
                throw new AssertionError("not called");
            }, 0.5);

            assertThat(score).isEqualTo(Score.fail("semantic_similarity", "the output is null"));
        }

        @Test
        void aZeroVectorHasNoDirectionAndFails() {
            Score score = Evaluators.semanticSimilarity("nothing", "a cat", embed, 0.1);

            assertThat(score.passed()).isFalse();
            assertThat(score.value()).isZero();
            assertThat(score.detail()).isEqualTo("the embedding of 'nothing' is the zero vector: its cosine similarity is undefined");
        }

        @Test
        void rejectsEmbeddingsOfDifferentLengthsAndABadThreshold() {
            assertThatThrownBy(() -> Evaluators.semanticSimilarity("short", "a cat", embed, 0.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The embeddings of 'short' (2 dimensions) and 'a cat' (3 dimensions) differ in length");
            assertThatThrownBy(() -> Evaluators.semanticSimilarity("a cat", "a cat", embed, 1.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A semantic_similarity threshold must be in [-1, 1], but was 1.5");
            assertThatThrownBy(() -> Evaluators.semanticSimilarity("unknown", "a cat", embed, 0.5))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("The embedding function returned null for 'unknown'");
        }
    }
}

package dev.evals4j.api;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** The {@code semantic_similarity} score: the cosine of two texts' embeddings. Stateless. */
final class CosineSimilarity {

    private static final String NAME = "semantic_similarity";

    private CosineSimilarity() {}

    static Score score(Object actual, Object expected, Function<String, float[]> embedding, double threshold) {
        Objects.requireNonNull(embedding, "embedding");
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "A " + NAME + " threshold must be in [-1, 1], but was " + threshold);
        }
        if (actual == null) {
            return Score.fail(NAME, "the output is null");
        }
        String actualText = String.valueOf(actual);
        String expectedText = String.valueOf(expected);
        float[] left = embed(embedding, actualText);
        float[] right = embed(embedding, expectedText);
        if (left.length != right.length) {
            throw new IllegalArgumentException("The embeddings of " + Excerpt.quote(actualText) + " (" + left.length
                    + " dimensions) and " + Excerpt.quote(expectedText) + " (" + right.length
                    + " dimensions) differ in length");
        }
        double dot = 0;
        double leftNorm = 0;
        double rightNorm = 0;
        for (int i = 0; i < left.length; i++) {
            dot += (double) left[i] * right[i];
            leftNorm += (double) left[i] * left[i];
            rightNorm += (double) right[i] * right[i];
        }
        if (leftNorm == 0 || rightNorm == 0) {
            String zero = leftNorm == 0 ? actualText : expectedText;
            return Score.fail(NAME, "the embedding of " + Excerpt.quote(zero)
                    + " is the zero vector: its cosine similarity is undefined");
        }
        double cosine = Math.max(-1, Math.min(1, dot / Math.sqrt(leftNorm * rightNorm)));
        return cosine >= threshold
                ? new Score(NAME, cosine, true, null)
                : new Score(NAME, cosine, false, String.format(Locale.ROOT,
                        "cosine similarity %.3f is below the threshold %.3f between %s and %s", cosine, threshold,
                        Excerpt.quote(actualText), Excerpt.quote(expectedText)));
    }

    private static float[] embed(Function<String, float[]> embedding, String text) {
        return Objects.requireNonNull(embedding.apply(text),
                () -> "The embedding function returned null for " + Excerpt.quote(text));
    }
}

package dev.evals4j.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Ready-made checks of an output against what a dataset expects. Each returns a {@link Score}
 * named after the check ({@code exact_match}, {@code numeric_match}, ...) whose detail, on a
 * failure, shows what was expected and what came (cut to a readable length). A {@code null}
 * output always fails. Stateless and thread-safe.
 *
 * <p>Outputs and expected values are {@code Object}s so that dataset values (text from CSV,
 * numbers from JSON) can be passed as they are; they are compared by their text unless a method
 * says otherwise.
 *
 * <p>The retrieval metrics ({@link #recallAtK recallAtK}, {@link #reciprocalRank reciprocalRank},
 * {@link #ndcgAtK ndcgAtK}) score a ranking (the ids a retriever returned, best first) against the ids
 * a dataset row marks relevant; their values are graded, so the summary reports each one's mean (the
 * recall@k, the MRR, the nDCG@k) with a confidence interval:
 *
 * <pre>{@code
 * List<String> ranked = retriever.search(question, 10);
 * return Result.of(ranked,
 *         Evaluators.recallAtK(ranked, relevant, 5),
 *         Evaluators.reciprocalRank(ranked, relevant),
 *         Evaluators.ndcgAtK(ranked, relevant, 10));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Evaluators {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Punctuation, unless it sits between two digits (as in 3.5 or 1,000). */
    private static final Pattern PUNCTUATION = Pattern.compile("(?<!\\d)\\p{P}|\\p{P}(?!\\d)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The tolerance of {@link #numericMatch(Object, Object)}: relative to the expected value, at least absolute. */
    private static final double DEFAULT_RELATIVE_TOLERANCE = 1e-6;

    /** Equal nodes, with numbers compared by value (so 1 equals 1.0). */
    private static final Comparator<JsonNode> NUMERIC_AWARE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private Evaluators() {}

    /** {@code exact_match}: the output's text equals the expected text exactly ({@code 4} matches {@code "4"}). */
    public static Score exactMatch(Object actual, Object expected) {
        String name = "exact_match";
        if (actual == null) {
            return nullOutput(name);
        }
        String actualText = String.valueOf(actual);
        String expectedText = String.valueOf(expected);
        return actualText.equals(expectedText)
                ? Score.pass(name)
                : Score.fail(name, "expected " + Excerpt.quote(expectedText) + " but was " + Excerpt.quote(actualText));
    }

    /**
     * {@code normalized_match}: equal after ignoring case, Unicode compatibility forms, runs of
     * whitespace and punctuation (so a trailing period or quotes do not matter); punctuation between
     * digits is kept, so {@code 3.5} does not match {@code 35}.
     */
    public static Score normalizedMatch(Object actual, Object expected) {
        String name = "normalized_match";
        if (actual == null) {
            return nullOutput(name);
        }
        String normalizedActual = normalize(String.valueOf(actual));
        String normalizedExpected = normalize(String.valueOf(expected));
        return normalizedActual.equals(normalizedExpected)
                ? Score.pass(name)
                : Score.fail(name, "expected " + Excerpt.quote(expected) + " but was " + Excerpt.quote(actual)
                        + " (normalized: " + Excerpt.quote(normalizedExpected) + " vs "
                        + Excerpt.quote(normalizedActual) + ")");
    }

    /**
     * {@code numeric_match}: the last number in the output equals the expected number, within a
     * relative tolerance of one millionth (at least 1e-6 absolute). Numbers may carry a sign, a
     * dollar sign, thousands separators and a trailing period: {@code -3}, {@code 1,234},
     * {@code $12.50}, {@code 42.}. The expected value may be a {@link Number} or a text whose last
     * number counts (as in {@code "#### 72"}).
     *
     * @throws IllegalArgumentException if the expected value holds no number: a dataset problem
     */
    public static Score numericMatch(Object actual, Object expected) {
        BigDecimal expectedNumber = expectedNumber(expected);
        double tolerance = DEFAULT_RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(expectedNumber.doubleValue()));
        return numericMatch(actual, expectedNumber, tolerance);
    }

    /**
     * {@code numeric_match} with an absolute tolerance: passes when the last number in the output
     * is within {@code tolerance} of the expected number.
     *
     * @throws IllegalArgumentException if the expected value holds no number, or the tolerance is
     *     negative
     */
    public static Score numericMatch(Object actual, Object expected, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("A numeric_match tolerance must be zero or more, but was " + tolerance);
        }
        String name = "numeric_match";
        BigDecimal expectedNumber = expectedNumber(expected);
        if (actual == null) {
            return nullOutput(name);
        }
        Optional<BigDecimal> found = actual instanceof Number number
                ? Optional.of(new BigDecimal(number.toString()))
                : NumberExtractor.lastNumber(String.valueOf(actual));
        if (found.isEmpty()) {
            return Score.fail(name, "expected " + expectedNumber.toPlainString()
                    + " but the output holds no number: " + Excerpt.quote(actual));
        }
        BigDecimal difference = found.get().subtract(expectedNumber).abs();
        return difference.doubleValue() <= tolerance
                ? Score.pass(name)
                : Score.fail(name, "expected " + expectedNumber.toPlainString() + " but the last number in the output is "
                        + found.get().toPlainString() + ": " + Excerpt.quote(actual));
    }

    /** {@code contains}: the output's text contains {@code expected} (case-sensitive). */
    public static Score contains(Object actual, String expected) {
        Objects.requireNonNull(expected, "expected");
        String name = "contains";
        if (actual == null) {
            return nullOutput(name);
        }
        return String.valueOf(actual).contains(expected)
                ? Score.pass(name)
                : Score.fail(name, "expected the output to contain " + Excerpt.quote(expected) + " but it was "
                        + Excerpt.quote(actual));
    }

    /**
     * {@code regex}: the pattern is found somewhere in the output's text.
     *
     * @throws java.util.regex.PatternSyntaxException if the pattern is invalid
     */
    public static Score regex(Object actual, String pattern) {
        return regex(actual, Pattern.compile(pattern));
    }

    /** {@code regex}: the pattern is found somewhere in the output's text. */
    public static Score regex(Object actual, Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String name = "regex";
        if (actual == null) {
            return nullOutput(name);
        }
        return pattern.matcher(String.valueOf(actual)).find()
                ? Score.pass(name)
                : Score.fail(name, "expected a match of /" + pattern.pattern() + "/ in " + Excerpt.quote(actual));
    }

    /** {@code valid_json}: the whole output's text is one JSON value (surrounding whitespace allowed). */
    public static Score validJson(Object actual) {
        String name = "valid_json";
        if (actual == null) {
            return nullOutput(name);
        }
        try {
            parse(actual);
            return Score.pass(name);
        } catch (InvalidJsonException e) {
            return Score.fail(name, e.getMessage());
        }
    }

    /**
     * {@code json_field_equals}: the output is JSON and the value at {@code fieldPath} (such as
     * {@code a.b[0].c}) equals {@code expected}. Numbers compare by value, also with a number
     * written as text ({@code 42} equals {@code "42"} and {@code 42.0}); text and booleans compare by
     * their text; {@code null} matches JSON null; objects and arrays compare as JSON trees, and an
     * expected text is then parsed as JSON.
     *
     * @throws IllegalArgumentException if the field path is malformed
     */
    public static Score jsonFieldEquals(Object actual, String fieldPath, Object expected) {
        JsonFieldPath path = JsonFieldPath.parse(Objects.requireNonNull(fieldPath, "fieldPath"));
        String name = "json_field_equals";
        if (actual == null) {
            return nullOutput(name);
        }
        JsonNode root;
        try {
            root = parse(actual);
        } catch (InvalidJsonException e) {
            return Score.fail(name, e.getMessage());
        }
        JsonFieldPath.Lookup lookup = path.find(root);
        if (lookup.value() == null) {
            return Score.fail(name, "no value at '" + fieldPath + "': " + lookup.missing());
        }
        JsonNode value = lookup.value();
        return jsonEquals(value, expected)
                ? Score.pass(name)
                : Score.fail(name, "expected " + Excerpt.quote(expected) + " at '" + fieldPath + "' but found "
                        + Excerpt.quote(value.toString()));
    }

    /**
     * {@code recall@k} (named with its {@code k}, as {@code recall@5}): the share of the relevant
     * items found among the first {@code k} of the ranking. It passes when at least one relevant item
     * is among them (a hit), so the summary's accuracy is the hit rate at {@code k} and the mean of the
     * score is the recall; for another bar, make a score of its value:
     * {@code Score.of(s.name(), s.value(), 1.0)}. Items compare with {@code equals}; an item ranked
     * again later counts at its first position only; a ranking shorter than {@code k} counts whole.
     *
     * <pre>{@code
     * Evaluators.recallAtK(List.of("d3", "d1", "d7"), Set.of("d1", "d2"), 3); // recall@3 = 0.5, passed
     * }</pre>
     *
     * @param ranked the retrieved items, best first
     * @param relevant the items that should be retrieved; not empty
     * @param k how many of the first-ranked items count; at least 1
     * @throws IllegalArgumentException if {@code relevant} is empty (a dataset problem) or {@code k < 1}
     */
    public static Score recallAtK(List<?> ranked, Collection<?> relevant, int k) {
        return RetrievalMetrics.recallAtK(ranked, relevant, k);
    }

    /**
     * {@code mrr}: the reciprocal rank of the first relevant item in the ranking ({@code 1/rank}, 0
     * when no relevant item is ranked), so the mean over the rows, which the summary reports with its
     * confidence interval, is the mean reciprocal rank. It passes when a relevant item is ranked at
     * all. An item ranked again later counts at its first position only.
     *
     * <pre>{@code
     * Evaluators.reciprocalRank(List.of("d3", "d9", "d1"), Set.of("d1", "d2")); // mrr = 1/3, passed
     * }</pre>
     *
     * @param ranked the retrieved items, best first
     * @param relevant the items that should be retrieved; not empty
     * @throws IllegalArgumentException if {@code relevant} is empty (a dataset problem)
     */
    public static Score reciprocalRank(List<?> ranked, Collection<?> relevant) {
        return RetrievalMetrics.reciprocalRank(ranked, relevant);
    }

    /**
     * {@code ndcg@k} (named with its {@code k}, as {@code ndcg@10}): the normalised discounted
     * cumulative gain of the first {@code k} items with binary relevance. A relevant item at rank
     * {@code r} gains {@code 1 / log2(r + 1)}; the sum is divided by that of an ideal ranking, which
     * puts {@code min(k, relevant.size())} relevant items first, so a ranking shorter than {@code k}
     * still loses the relevant items it lacks. It passes when at least one relevant item is among the
     * first {@code k}. An item ranked again later counts at its first position only.
     *
     * <pre>{@code
     * Evaluators.ndcgAtK(List.of("a", "x", "b"), Set.of("a", "b"), 3); // (1 + 1/2) / (1 + 1/log2(3)) = 0.920
     * }</pre>
     *
     * @param ranked the retrieved items, best first
     * @param relevant the items that should be retrieved; not empty
     * @param k how many of the first-ranked items count; at least 1
     * @throws IllegalArgumentException if {@code relevant} is empty (a dataset problem) or {@code k < 1}
     */
    public static Score ndcgAtK(List<?> ranked, Collection<?> relevant, int k) {
        return RetrievalMetrics.ndcgAtK(ranked, relevant, k);
    }

    /**
     * {@code semantic_similarity}: the cosine similarity of the embeddings of the output's text and
     * the expected text, in {@code [-1, 1]}; it passes when it is at least {@code threshold}. Any
     * embedding model fits: the function maps a text to its vector, and is called once per text on the
     * caller's thread. A zero vector has no direction: the score fails and says so.
     *
     * <pre>{@code
     * EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();  // LangChain4j, in process
     * Function<String, float[]> embed = text -> model.embed(text).content().vector();
     * Evaluators.semanticSimilarity(reply, expected, embed, 0.8);
     * }</pre>
     *
     * @param actual the output, compared by its text; {@code null} fails
     * @param expected the reference, compared by its text
     * @param embedding text to embedding vector; must return vectors of one length and never {@code null}
     * @param threshold the least cosine similarity that passes, in {@code [-1, 1]}
     * @throws IllegalArgumentException if the threshold is outside {@code [-1, 1]} or the two embeddings
     *     differ in length
     * @throws NullPointerException if the embedding function returns {@code null}
     */
    public static Score semanticSimilarity(Object actual, Object expected, Function<String, float[]> embedding,
            double threshold) {
        return CosineSimilarity.score(actual, expected, embedding, threshold);
    }

    private static boolean jsonEquals(JsonNode value, Object expected) {
        if (expected == null) {
            return value.isNull();
        }
        if (value.isContainerNode()) {
            return value.equals(NUMERIC_AWARE, expectedTree(expected));
        }
        if (value.isNumber()) {
            Optional<BigDecimal> number = asNumber(expected);
            return number.isPresent() && number.get().compareTo(value.decimalValue()) == 0;
        }
        return !value.isNull() && value.asText().equals(String.valueOf(expected));
    }

    private static JsonNode expectedTree(Object expected) {
        if (expected instanceof CharSequence text) {
            try {
                return JSON.readTree(text.toString());
            } catch (JsonProcessingException e) {
                return JSON.getNodeFactory().textNode(text.toString());
            }
        }
        return JSON.valueToTree(expected);
    }

    private static Optional<BigDecimal> asNumber(Object value) {
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()));
        }
        try {
            return Optional.of(new BigDecimal(String.valueOf(value).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal expectedNumber(Object expected) {
        if (expected instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return NumberExtractor.lastNumber(String.valueOf(expected)).orElseThrow(() -> new IllegalArgumentException(
                "The expected value " + Excerpt.quote(expected) + " of numeric_match holds no number"));
    }

    private static JsonNode parse(Object actual) {
        String text = String.valueOf(actual);
        if (text.isBlank()) {
            throw new InvalidJsonException("the output is empty, not JSON");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String reason = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidJsonException("the output is not valid JSON" + where + ": " + reason + "; output: "
                    + Excerpt.quote(text));
        }
    }

    private static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String withoutPunctuation = PUNCTUATION.matcher(folded).replaceAll("");
        return WHITESPACE.matcher(withoutPunctuation).replaceAll(" ").strip();
    }

    private static Score nullOutput(String name) {
        return Score.fail(name, "the output is null");
    }

    /** Why a text is not JSON, worded for a score detail. */
    private static final class InvalidJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJsonException(String message) {
            super(message, null, false, false);
        }
    }
}

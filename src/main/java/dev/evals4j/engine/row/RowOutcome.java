package dev.evals4j.engine.row;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * What one attempt of a row returned, normalised from {@code void}, {@code boolean}, {@code Score}
 * or {@code Result} by the engine, or the failing verdict of an {@link AssertionError} the
 * method threw. This is the executor's output.
 *
 * @param passed whether the result passes
 * @param output the output the method reported (a {@code Result}'s output), or {@code null}
 * @param scores the numeric value of each named score; unmodifiable, in the method's order
 * @param failures a description of each failing check, such as {@code exact_match=0.000 (expected 4)}
 * @param metadata the metadata the method reported; unmodifiable
 * @param assertion the assertion the method threw, which is what JUnit reports (its expected and
 *     actual values included), or {@code null} when the method returned its verdict
 * @param tokens the tokens the attempt reported using ({@code EvalContext.reportTokens}), if it did
 */
@API(status = INTERNAL, since = "0.1")
public record RowOutcome(boolean passed, Object output, Map<String, Double> scores, List<String> failures,
        Map<String, Object> metadata, AssertionError assertion, OptionalLong tokens) {

    /** Validates and copies. */
    public RowOutcome {
        Objects.requireNonNull(tokens, "tokens");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        failures = List.copyOf(failures);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata)));
        if (assertion != null && passed) {
            throw new IllegalArgumentException("an outcome with an assertion fails: " + assertion);
        }
    }

    /**
     * The scores that failed, by name, in the method's order: those a failure description names
     * ({@code name=value (detail)}). Empty for a passing outcome and for a verdict that names no score.
     */
    public Map<String, Double> failingScores() {
        Map<String, Double> failing = new LinkedHashMap<>();
        scores.forEach((name, value) -> {
            if (failures.stream().anyMatch(failure -> failure.startsWith(name + "="))) {
                failing.put(name, value);
            }
        });
        return Collections.unmodifiableMap(failing);
    }

    /** An outcome without reported tokens. */
    public RowOutcome(boolean passed, Object output, Map<String, Double> scores, List<String> failures,
            Map<String, Object> metadata, AssertionError assertion) {
        this(passed, output, scores, failures, metadata, assertion, OptionalLong.empty());
    }

    /** A copy carrying the tokens the attempt reported. */
    public RowOutcome withTokens(OptionalLong tokens) {
        return new RowOutcome(passed, output, scores, failures, metadata, assertion, tokens);
    }

    /** An outcome the method returned (no assertion). */
    public RowOutcome(boolean passed, Object output, Map<String, Double> scores, List<String> failures,
            Map<String, Object> metadata) {
        this(passed, output, scores, failures, metadata, null);
    }

    /** A passing outcome without output or scores ({@code void}, {@code true}). */
    public static RowOutcome pass() {
        return new RowOutcome(true, null, Map.of(), List.of(), Map.of());
    }

    /**
     * The failing verdict of an assertion the method threw: its message (or its type, without one) is
     * the failure text, and the assertion itself is kept for the report.
     */
    public static RowOutcome failed(AssertionError assertion) {
        String message = assertion.getMessage();
        String text = message == null || message.isBlank() ? assertion.getClass().getName() : message.strip();
        return new RowOutcome(false, null, Map.of(), List.of(text), Map.of(), assertion);
    }
}

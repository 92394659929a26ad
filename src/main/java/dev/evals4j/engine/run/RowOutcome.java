package dev.evals4j.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one attempt of a row returned, normalised from {@code void}, {@code boolean}, {@code Score}
 * or {@code Result} by {@link ReturnValues}. This is the executor's output.
 *
 * @param passed whether the result passes
 * @param output the output the method reported (a {@code Result}'s output), or {@code null}
 * @param scores the numeric value of each named score; unmodifiable, in the method's order
 * @param failures a description of each failing check, such as {@code exact_match=0.000 (expected 4)}
 * @param metadata the metadata the method reported; unmodifiable
 */
public record RowOutcome(boolean passed, Object output, Map<String, Double> scores, List<String> failures,
        Map<String, Object> metadata) {

    /** Validates and copies. */
    public RowOutcome {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        failures = List.copyOf(failures);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata)));
    }

    /** A passing outcome without output or scores ({@code void}, {@code true}). */
    public static RowOutcome pass() {
        return new RowOutcome(true, null, Map.of(), List.of(), Map.of());
    }
}

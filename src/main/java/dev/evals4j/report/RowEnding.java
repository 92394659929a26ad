package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.execution.ExecutionDetails;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a row ended, as a {@link RowObserver} learns it.
 *
 * @param details the executor's account of the row: status, every exception, attempts, start and end
 * @param verdict how the summary counts the row
 * @param scores the numeric scores the row produced, by name, in the method's order; unmodifiable
 * @param failures a description of each failing check of a completed row; unmodifiable
 * @param output what the eval returned as its output; {@code null} when it returned none or did not complete
 */
@API(status = INTERNAL, since = "0.1")
public record RowEnding(ExecutionDetails details, RowRecord.Verdict verdict, Map<String, Double> scores,
        List<String> failures, Object output) {

    /** Validates and copies. */
    public RowEnding {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(verdict, "verdict");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        failures = List.copyOf(failures);
    }

    /** An ending without output. */
    public RowEnding(ExecutionDetails details, RowRecord.Verdict verdict, Map<String, Double> scores,
            List<String> failures) {
        this(details, verdict, scores, failures, null);
    }
}

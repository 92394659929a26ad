package dev.evals4j.execution;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Outputs and details of a run over a list, both indexed by input position.
 *
 * @param outputs one output per input: the task's output, or the fallback value for an item that
 *     did not complete; unmodifiable, may contain {@code null}
 * @param details one {@link ExecutionDetails} per input; unmodifiable
 * @param <O> the output type
 */
record ExecutionResult<O>(List<O> outputs, List<ExecutionDetails> details) {

    /** Validates and copies. */
    public ExecutionResult {
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.size() != details.size()) {
            throw new IllegalArgumentException(
                    outputs.size() + " outputs but " + details.size() + " details: they must match one to one");
        }
        outputs = Collections.unmodifiableList(new java.util.ArrayList<>(outputs));
        details = List.copyOf(details);
    }

    /** The final status of every input, in input order. */
    public List<ExecutionStatus> statuses() {
        return details.stream().map(ExecutionDetails::status).toList();
    }
}

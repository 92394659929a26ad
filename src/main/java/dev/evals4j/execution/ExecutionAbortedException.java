package dev.evals4j.execution;

import java.util.Objects;

/**
 * Thrown by {@link Executor#run} when reading the inputs failed or the listener threw. It is thrown
 * only after every item already taken received its final status, so {@link #summary()} accounts
 * for all of them.
 */
class ExecutionAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExecutionSummary summary;

    /**
     * An aborted run.
     *
     * @param message what failed
     * @param cause the failure of the iterator or listener
     * @param summary the totals of the items taken
     */
    public ExecutionAbortedException(String message, Throwable cause, ExecutionSummary summary) {
        super(message, cause);
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** The totals of the items taken before the failure. */
    public ExecutionSummary summary() {
        return summary;
    }
}

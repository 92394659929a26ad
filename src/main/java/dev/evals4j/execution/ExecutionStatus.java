package dev.evals4j.execution;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/** The final status of one item (one dataset row and repetition) of an execution. */
@API(status = INTERNAL, since = "0.1")
public enum ExecutionStatus {
    /** The item was never started, or was cancelled before its outcome was known (stop, shutdown). */
    DID_NOT_RUN,
    /** The first attempt succeeded. */
    COMPLETED,
    /** An attempt after the first one succeeded; the earlier attempts' exceptions are kept. */
    COMPLETED_WITH_RETRIES,
    /** Every allowed attempt failed, or the failure was not retryable. */
    FAILED;

    /** Whether the item produced an output ({@link #COMPLETED} or {@link #COMPLETED_WITH_RETRIES}). */
    public boolean isCompleted() {
        return this == COMPLETED || this == COMPLETED_WITH_RETRIES;
    }
}

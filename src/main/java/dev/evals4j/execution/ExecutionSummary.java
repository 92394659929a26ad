package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Totals of one {@link Executor#run(java.util.Iterator, ExecutionListener) run}.
 *
 * <p>{@code items == completed + completedWithRetries + failed + didNotRun}.
 *
 * @param items the inputs the executor took (each got exactly one final status)
 * @param completed items whose first attempt succeeded
 * @param completedWithRetries items that succeeded after at least one failed attempt
 * @param failed items that ended {@link ExecutionStatus#FAILED}
 * @param didNotRun items that ended {@link ExecutionStatus#DID_NOT_RUN}
 * @param retries attempts started after an item's first one (rate-limited requeues included)
 * @param rateLimitHits attempts rejected by a rate limit
 * @param peakConcurrency the most calls that were in flight at once
 * @param finalLimit the concurrency strategy's limit when the run ended (1 for a sync executor)
 * @param elapsed wall time of the run
 * @param stopped whether {@link Executor#stop()} (or the shutdown hook) ended the run early
 */
@API(status = INTERNAL, since = "0.1")
public record ExecutionSummary(
        long items,
        long completed,
        long completedWithRetries,
        long failed,
        long didNotRun,
        long retries,
        long rateLimitHits,
        int peakConcurrency,
        int finalLimit,
        Duration elapsed,
        boolean stopped) {

    /** Validates. */
    public ExecutionSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        if (items != completed + completedWithRetries + failed + didNotRun) {
            throw new IllegalArgumentException("items=" + items + " but the statuses add up to "
                    + (completed + completedWithRetries + failed + didNotRun));
        }
    }
}

package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What happened to one item: every exception in the order it was thrown (one per failed attempt,
 * rate-limited attempts included), how many attempts were made, when the item started and ended,
 * and its final status.
 *
 * @param status the final status
 * @param exceptions every exception, oldest first; unmodifiable
 * @param attempts the number of attempts that were started (rate-limited ones included)
 * @param rateLimitHits how many of those attempts were rejected by a rate limit (they do not
 *     count against the retry policy's attempt budget)
 * @param start when the first attempt started, or {@code null} if none did
 * @param end when the final status became known, or {@code null} if no attempt started
 * @param executionSeconds the time spent inside attempts (waits between attempts excluded)
 */
@API(status = INTERNAL, since = "0.1")
public record ExecutionDetails(
        ExecutionStatus status,
        List<Throwable> exceptions,
        int attempts,
        int rateLimitHits,
        Instant start,
        Instant end,
        double executionSeconds) {

    /** Validates and copies. */
    public ExecutionDetails {
        Objects.requireNonNull(status, "status");
        exceptions = List.copyOf(exceptions);
        if (attempts < 0 || rateLimitHits < 0 || rateLimitHits > attempts) {
            throw new IllegalArgumentException(
                    "attempts=" + attempts + ", rateLimitHits=" + rateLimitHits + " are inconsistent");
        }
    }

    /** The details of an item that was never started. */
    public static ExecutionDetails didNotRun() {
        return new ExecutionDetails(ExecutionStatus.DID_NOT_RUN, List.of(), 0, 0, null, null, 0.0);
    }

    /** The last exception, or {@code null} when there was none. */
    public Throwable lastException() {
        return exceptions.isEmpty() ? null : exceptions.get(exceptions.size() - 1);
    }
}

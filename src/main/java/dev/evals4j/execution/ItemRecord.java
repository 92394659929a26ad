package dev.evals4j.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable history of one item while it runs: attempts, exceptions, time spent in calls.
 * Owned by exactly one thread (the dispatcher, or the sync executor's caller); not thread-safe.
 *
 * @param <I> the input type
 */
final class ItemRecord<I> {

    private final long index;
    private final I input;
    private final List<Throwable> exceptions = new ArrayList<>();
    private int attempts;
    private int rateLimitHits;
    private int budgetedFailures;
    private Instant start;
    private long executionNanos;

    ItemRecord(long index, I input) {
        this.index = index;
        this.input = input;
    }

    long index() {
        return index;
    }

    I input() {
        return input;
    }

    /** Starts the next attempt; the first one also fixes the item's start time. */
    Attempt startAttempt() {
        if (start == null) {
            start = Instant.now();
        }
        attempts++;
        return new Attempt(index, attempts);
    }

    boolean started() {
        return attempts > 0;
    }

    int attempts() {
        return attempts;
    }

    int rateLimitHits() {
        return rateLimitHits;
    }

    /** Failed attempts that count against the retry policy's budget. */
    int budgetedFailures() {
        return budgetedFailures;
    }

    void addExecutionNanos(long nanos) {
        executionNanos += Math.max(0, nanos);
    }

    /** Records a failed attempt that spends an attempt of the budget. */
    void recordFailure(Throwable failure) {
        exceptions.add(failure);
        budgetedFailures++;
    }

    /** Records a rate-limited attempt, which does not spend an attempt of the budget. */
    void recordRateLimit(Throwable failure) {
        exceptions.add(failure);
        rateLimitHits++;
    }

    /** The final details, as of now. */
    ExecutionDetails finish(ExecutionStatus status) {
        return new ExecutionDetails(status, exceptions, attempts, rateLimitHits, start,
                start == null ? null : Instant.now(), executionNanos / 1e9);
    }
}

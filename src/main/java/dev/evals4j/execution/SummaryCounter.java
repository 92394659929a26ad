package dev.evals4j.execution;

import java.time.Duration;

/** Adds up finished items into an {@link ExecutionSummary}. Single-owner; not thread-safe. */
final class SummaryCounter {

    private final long startNanos = System.nanoTime();
    private long items;
    private long completed;
    private long completedWithRetries;
    private long failed;
    private long didNotRun;
    private long retries;
    private long rateLimitHits;
    private int peakConcurrency;

    /** Counts one finished item. */
    void add(ExecutionDetails details) {
        items++;
        switch (details.status()) {
            case COMPLETED -> completed++;
            case COMPLETED_WITH_RETRIES -> completedWithRetries++;
            case FAILED -> failed++;
            case DID_NOT_RUN -> didNotRun++;
        }
        retries += Math.max(0, details.attempts() - 1);
        rateLimitHits += details.rateLimitHits();
    }

    /** Notes how many calls are in flight now. */
    void inFlight(int inFlight) {
        peakConcurrency = Math.max(peakConcurrency, inFlight);
    }

    ExecutionSummary summary(int finalLimit, boolean stopped) {
        return new ExecutionSummary(items, completed, completedWithRetries, failed, didNotRun, retries, rateLimitHits,
                peakConcurrency, finalLimit, Duration.ofNanos(System.nanoTime() - startNanos), stopped);
    }
}

package dev.evals4j.concurrency;

/**
 * The outcomes of the last {@code capacity} calls, as failed or not, and how many of them failed.
 * Not thread-safe: its owner guards it.
 */
final class FailureWindow {

    private final boolean[] failed;
    private int next;
    private int failures;

    FailureWindow(int capacity) {
        this.failed = new boolean[Checks.atLeast(1, capacity, "failureWindow")];
    }

    /** Records one outcome, forgetting the oldest once the window is full. */
    void record(boolean failure) {
        if (failed[next]) {
            failures--;
        }
        failed[next] = failure;
        if (failure) {
            failures++;
        }
        next = (next + 1) % failed.length;
    }

    /** Failures among the last {@code capacity} outcomes (outcomes not yet seen count as successes). */
    int failures() {
        return failures;
    }

    /** The number of outcomes the window holds. */
    int capacity() {
        return failed.length;
    }

    /** Forgets every outcome. */
    void clear() {
        java.util.Arrays.fill(failed, false);
        failures = 0;
        next = 0;
    }
}

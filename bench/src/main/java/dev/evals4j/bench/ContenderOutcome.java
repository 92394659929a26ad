package dev.evals4j.bench;

/**
 * What one contender reported about its own run of one scenario (the simulator's counts are taken
 * separately, from the simulator itself).
 *
 * @param makespanNanos wall time from the first dispatch to the last final status
 * @param completed rows that ended with an output
 * @param failed rows that ended failed
 * @param capped whether the scenario's time cap stopped the contender before every row finished
 * @param trace calls in flight over the run
 * @param failureCauses the exceptions the failed rows ended with
 */
public record ContenderOutcome(long makespanNanos, int completed, int failed, boolean capped, ConcurrencyTrace trace,
        FailureCauses failureCauses) {

    /** The makespan in seconds. */
    public double makespanSeconds() {
        return makespanNanos / 1e9;
    }
}

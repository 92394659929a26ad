package dev.evals4j.bench;

/**
 * One way of running a scenario's rows against the simulated provider: an executor with a given
 * concurrency strategy, or JUnit Jupiter's parallel parameterized tests.
 *
 * <p>A contender must respect the workload's time cap: once it passes, it starts no new row, so
 * a pathological contender costs at most the cap plus one task timeout.
 */
public interface Contender {

    /** The name in the results table, such as {@code adaptive} or {@code default}. */
    String name();

    /**
     * Runs every row of {@code workload} once (with the contender's own retries, if any) and
     * reports what happened.
     *
     * @throws InterruptedException if the benchmark is interrupted
     */
    ContenderOutcome run(Workload workload) throws InterruptedException;
}

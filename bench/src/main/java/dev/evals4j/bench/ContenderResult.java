package dev.evals4j.bench;

/**
 * A finished benchmark line together with what the table does not show.
 *
 * @param row the line of the results table
 * @param p95LatencySeconds the 95th percentile latency of the contender's successful calls
 * @param capped whether the time cap stopped the contender early
 * @param trace calls in flight over the run, for the chart
 * @param failureCauses the exceptions the failed rows ended with
 */
public record ContenderResult(BenchRow row, double p95LatencySeconds, boolean capped, ConcurrencyTrace trace,
        FailureCauses failureCauses) {}

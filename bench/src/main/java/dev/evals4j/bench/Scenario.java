package dev.evals4j.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One workload of the benchmark: how many rows, how the simulated provider behaves, what a
 * perfect client would achieve, and how long any contender may take.
 *
 * @param name the name in the results table
 * @param rows how many rows (one call each, plus retries)
 * @param latencyMedian the median latency of one call
 * @param latencySigma the spread of the log-normal latency (0 for a constant latency)
 * @param rateSchedule the provider's request rate limit over time; empty for no limit
 * @param burst the number of requests the rate limit lets through at once
 * @param capacity the number of calls in flight above which latency grows; 0 for no capacity limit
 * @param errorRate the share of calls answered with a transient 5xx error
 * @param hangRate the share of calls that never answer
 * @param idealSeconds the makespan of a perfect client
 * @param idealDefinition how {@code idealSeconds} was computed, for the method note
 * @param taskTimeout the per-call timeout every contender uses
 * @param cap the hard time cap of one contender's run: no new row starts after it
 * @param charted whether the chart shows this scenario's in-flight calls
 */
public record Scenario(
        String name,
        int rows,
        Duration latencyMedian,
        double latencySigma,
        List<RateStep> rateSchedule,
        int burst,
        int capacity,
        double errorRate,
        double hangRate,
        double idealSeconds,
        String idealDefinition,
        Duration taskTimeout,
        Duration cap,
        boolean charted) {

    /** Validates and copies. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        rateSchedule = List.copyOf(rateSchedule);
        if (rows < 1 || idealSeconds <= 0 || capacity < 0 || burst < 0) {
            throw new IllegalArgumentException("scenario " + name + " has an impossible setting: rows=" + rows
                    + ", idealSeconds=" + idealSeconds + ", capacity=" + capacity + ", burst=" + burst);
        }
    }

    /** The prompts of this scenario's rows: {@code row-0}, {@code row-1}, and so on. */
    public List<String> prompts() {
        return java.util.stream.IntStream.range(0, rows).mapToObj(i -> "row-" + i).toList();
    }
}

package dev.evals4j.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the benchmark table: how one contender did on one scenario in one run.
 *
 * <p>Serialised to {@code results.json} with exactly these snake_case field names, in this order.
 *
 * @param scenario the scenario name, such as {@code rate-limited}
 * @param contender the contender name, such as {@code default}
 * @param run the run's number, from 1 ({@code default} runs every scenario three times)
 * @param rows the number of rows the scenario fed to the contender
 * @param makespanSeconds wall time from the first dispatch to the last final status
 * @param idealSeconds the makespan of a perfect client under the scenario's limits
 * @param ratio {@code makespanSeconds / idealSeconds}
 * @param calls every request the simulator received (429 answers included)
 * @param rejected the requests the simulator answered with 429
 * @param completed rows that ended with an output
 * @param failed rows that ended failed (their attempts exhausted, or a failed test)
 * @param lost rows with no final status: {@code rows - completed - failed}
 * @param rampSeconds when the contender first completed rows at 90% of its final throughput (see
 *     {@link Ramp}), or {@code null} when it completed too few rows to tell
 */
@JsonPropertyOrder({
    "scenario", "contender", "run", "rows", "makespan_s", "ideal_s", "ratio",
    "calls", "rejected", "completed", "failed", "lost", "ramp_s"})
public record BenchRow(
        @JsonProperty("scenario") String scenario,
        @JsonProperty("contender") String contender,
        @JsonProperty("run") int run,
        @JsonProperty("rows") int rows,
        @JsonProperty("makespan_s") double makespanSeconds,
        @JsonProperty("ideal_s") double idealSeconds,
        @JsonProperty("ratio") double ratio,
        @JsonProperty("calls") long calls,
        @JsonProperty("rejected") long rejected,
        @JsonProperty("completed") int completed,
        @JsonProperty("failed") int failed,
        @JsonProperty("lost") int lost,
        @JsonProperty("ramp_s") Double rampSeconds) {

    /** The share of calls the simulator rejected with 429, between 0 and 1 (0 when there were no calls). */
    public double rejectedShare() {
        return calls == 0 ? 0.0 : (double) rejected / calls;
    }
}

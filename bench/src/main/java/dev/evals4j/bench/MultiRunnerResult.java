package dev.evals4j.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * How one contender of the multi-runner scenario did: its line of the results table and what only
 * several runners have (who ran what, and how often each pair reached the model).
 *
 * <p>Serialised to {@code results.json}'s {@code multi_runner} with these snake_case names.
 *
 * @param row the line of the results table (its makespan runs from the first row's start to the last
 *     row's end, as the store recorded them)
 * @param runners how many runner JVMs drained the experiment
 * @param store the database they shared, such as {@code PostgreSQL (embedded)}
 * @param wallSeconds from starting the runner JVMs until the last one exited (JVM start and discovery included)
 * @param pairsCalledOnce pairs that the simulator answered exactly once ({@code 200})
 * @param pairsCalledMoreThanOnce pairs that the simulator answered more than once
 * @param pairsNeverCalled pairs that the simulator never answered
 * @param runsByRunner the runs each runner recorded
 * @param capped whether the time cap stopped the runners
 */
@JsonPropertyOrder({"contender", "runners", "store", "rows", "makespan_s", "wall_s", "ideal_s", "ratio", "calls",
    "rejected", "rejected_share", "pairs_called_once", "pairs_called_more_than_once", "pairs_never_called",
    "runs_by_runner", "capped"})
public record MultiRunnerResult(
        @JsonIgnore BenchRow row,
        @JsonProperty("runners") int runners,
        @JsonProperty("store") String store,
        @JsonProperty("wall_s") double wallSeconds,
        @JsonProperty("pairs_called_once") int pairsCalledOnce,
        @JsonProperty("pairs_called_more_than_once") int pairsCalledMoreThanOnce,
        @JsonProperty("pairs_never_called") int pairsNeverCalled,
        @JsonProperty("runs_by_runner") Map<String, Long> runsByRunner,
        @JsonProperty("capped") boolean capped) {

    /** Copies. */
    public MultiRunnerResult {
        runsByRunner = Map.copyOf(runsByRunner);
    }

    /** Whether every pair reached the model exactly once. */
    public boolean everyPairCalledOnce() {
        return pairsCalledMoreThanOnce == 0 && pairsNeverCalled == 0 && pairsCalledOnce == row.rows();
    }

    @JsonProperty("contender")
    String contender() {
        return row.contender();
    }

    @JsonProperty("rows")
    int rows() {
        return row.rows();
    }

    @JsonProperty("makespan_s")
    double makespanSeconds() {
        return row.makespanSeconds();
    }

    @JsonProperty("ideal_s")
    double idealSeconds() {
        return row.idealSeconds();
    }

    @JsonProperty("ratio")
    double ratio() {
        return row.ratio();
    }

    @JsonProperty("calls")
    long calls() {
        return row.calls();
    }

    @JsonProperty("rejected")
    long rejected() {
        return row.rejected();
    }

    @JsonProperty("rejected_share")
    double rejectedShare() {
        return Math.round(row.rejectedShare() * 10_000) / 10_000.0;
    }
}

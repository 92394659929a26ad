package dev.evals4j.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the engine-overhead table: no-op rows through the Launcher, and the heap they leave.
 *
 * @param runner {@code evals4j} or {@code jupiter}
 * @param execution how rows run: {@code concurrent} (evals4j's {@code concurrent=true}, as users run
 *     it) or {@code sequential} (one row at a time: evals4j's {@code concurrent=false}, and Jupiter)
 * @param report how rows are reported: {@code rows} (one test per row) or {@code summary} (evals4j's
 *     {@code evals4j.report=summary})
 * @param rows the number of rows
 * @param seconds wall time of the Launcher's {@code execute}, discovery included
 * @param heapBeforeBytes heap used after a GC before the run
 * @param heapAfterBytes heap used after a GC when the test plan finished, while the Launcher still holds it
 */
@JsonPropertyOrder({"runner", "execution", "report", "rows", "seconds", "rows_per_s", "heap_before_bytes", "heap_after_bytes",
    "bytes_per_row"})
public record OverheadResult(
        @JsonProperty("runner") String runner,
        @JsonProperty("execution") String execution,
        @JsonProperty("report") String report,
        @JsonProperty("rows") int rows,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("heap_before_bytes") long heapBeforeBytes,
        @JsonProperty("heap_after_bytes") long heapAfterBytes) {

    /** Rows per second. */
    @JsonProperty("rows_per_s")
    public double rowsPerSecond() {
        return rows / seconds;
    }

    /** The heap growth per row, in bytes (negative when a GC freed more than the run kept). */
    @JsonProperty("bytes_per_row")
    public double bytesPerRow() {
        return (double) (heapAfterBytes - heapBeforeBytes) / rows;
    }
}

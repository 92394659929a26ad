package dev.evals4j.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The spread of one contender's repeated runs of one scenario: the median and range of its ratio and of
 * its rejected share.
 *
 * @param scenario the scenario
 * @param contender the contender, normally {@code default}
 * @param runs how many runs
 * @param ratio the ratio's spread
 * @param rejectedShare the rejected share's spread (0 to 1)
 */
@JsonPropertyOrder({"scenario", "contender", "runs", "ratio", "rejected_share"})
public record SpreadLine(
        @JsonProperty("scenario") String scenario,
        @JsonProperty("contender") String contender,
        @JsonProperty("runs") int runs,
        @JsonProperty("ratio") Spread ratio,
        @JsonProperty("rejected_share") Spread rejectedShare) {

    /** One line per scenario that {@code contender} ran, in the order of {@code rows}. */
    public static List<SpreadLine> of(List<BenchRow> rows, String contender) {
        return rows.stream().filter(row -> row.contender().equals(contender)).map(BenchRow::scenario).distinct()
                .map(scenario -> {
                    List<BenchRow> runs = rows.stream()
                            .filter(row -> row.contender().equals(contender) && row.scenario().equals(scenario))
                            .toList();
                    return new SpreadLine(scenario, contender, runs.size(),
                            Spread.of(runs.stream().map(BenchRow::ratio).toList()),
                            Spread.of(runs.stream().map(BenchRow::rejectedShare).toList()));
                })
                .toList();
    }
}

package dev.evals4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiRunnerResultTest {

    private static final BenchRow SHARED = new BenchRow(MultiRunner.SCENARIO, MultiRunner.SHARED, 1, 1500, 18.0,
            15.0, 1.2, 1552, 52, 1500, 0, 0, null);
    private static final BenchRow INDEPENDENT = new BenchRow(MultiRunner.SCENARIO, MultiRunner.INDEPENDENT, 1, 1500,
            21.0, 15.0, 1.4, 1713, 213, 1500, 0, 0, null);

    @Test
    void resultsJsonHoldsEachContenderWithItsRatioRejectedShareAndPairCounts() throws Exception {
        MultiRunnerResult shared = result(SHARED, 1500, 0, 0);
        String json = new ResultsJson().render(new ResultsJson.Results(List.of(SHARED), List.of(), List.of(shared),
                List.of()));

        JsonNode line = new ObjectMapper().readTree(json).get("multi_runner").get(0);
        assertThat(line.fieldNames()).toIterable().containsExactly("contender", "runners", "store", "rows",
                "makespan_s", "wall_s", "ideal_s", "ratio", "calls", "rejected", "rejected_share", "pairs_called_once",
                "pairs_called_more_than_once", "pairs_never_called", "runs_by_runner", "capped");
        assertThat(line.get("contender").asText()).isEqualTo("shared");
        assertThat(line.get("ratio").asDouble()).isEqualTo(1.2);
        assertThat(line.get("rejected_share").asDouble()).isEqualTo(0.0335);
        assertThat(line.get("runs_by_runner").get("runner-2").asLong()).isEqualTo(500);
    }

    @Test
    void everyPairIsCalledOnceOnlyWhenNoneWasCalledTwiceOrNever() {
        assertThat(result(SHARED, 1500, 0, 0).everyPairCalledOnce()).isTrue();
        assertThat(result(SHARED, 1499, 1, 0).everyPairCalledOnce()).isFalse();
        assertThat(result(SHARED, 1499, 0, 1).everyPairCalledOnce()).isFalse();
    }

    @Test
    void theMarkdownTableShowsBothContendersSideBySide() {
        String table = new ResultsMarkdown().multiRunnerTable(
                List.of(result(SHARED, 1500, 0, 0), result(INDEPENDENT, 1498, 2, 0)));

        assertThat(table.lines()).hasSize(4);
        assertThat(table.lines().toList().get(2)).isEqualTo("| shared | 3 | PostgreSQL (embedded) | 1500 | 18.00 | 25.00"
                + " | 1.20 | 1552 | 3.4% | 1500 | 0 | 0 | runner-1 500, runner-2 500, runner-3 500 |");
        assertThat(table.lines().toList().get(3)).startsWith("| independent | 3 |").contains("| 12.4% | 1498 | 2 | 0 |");
    }

    private static MultiRunnerResult result(BenchRow row, int once, int more, int never) {
        return new MultiRunnerResult(row, MultiRunner.RUNNERS, "PostgreSQL (embedded)", 25.0, once, more, never,
                Map.of("runner-1", 500L, "runner-2", 500L, "runner-3", 500L), false);
    }
}

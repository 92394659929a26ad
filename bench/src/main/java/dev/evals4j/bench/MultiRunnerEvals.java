package dev.evals4j.bench;

import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.sim.SimClient;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The suite every runner of the multi-runner scenario runs ({@link MultiRunner}): {@value #ROWS_PROPERTY}
 * rows, each asking the simulated provider at {@value #URL_PROPERTY} for its prompt ({@code row-<i>}, as
 * {@link Scenario#prompts()} names them), under the engine's default concurrency pair, whose pacer is the
 * one a limit group shares.
 */
public class MultiRunnerEvals {

    /** The system property with the simulator's base URL. */
    public static final String URL_PROPERTY = "bench.multiRunner.url";
    /** The system property with the number of rows. */
    public static final String ROWS_PROPERTY = "bench.multiRunner.rows";

    @Fixture
    SimClient model() {
        return SimClient.builder().baseUrl(System.getProperty(URL_PROPERTY)).build();
    }

    static Stream<Map<String, Object>> rows() {
        return IntStream.range(0, Integer.getInteger(ROWS_PROPERTY, 0))
                .mapToObj(i -> Map.of("id", "r" + i, "prompt", "row-" + i));
    }

    @ForEach(value = "id,prompt", method = "rows", concurrent = ForEach.Concurrent.TRUE)
    public Score asks(String id, String prompt, SimClient model) throws Exception {
        model.complete(prompt);
        return Score.pass("answered");
    }
}

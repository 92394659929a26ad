package dev.evals4j.engine.experiment.process;

import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.sim.SimClient;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The suite the child JVMs run: {@value #ROWS_PROPERTY} rows (default 200), each asking the simulated
 * provider at {@value #URL_PROPERTY} one question ({@code row <id>}), at most four at a time.
 */
public class SimulatedRowEvals {

    /** The system property with the simulator's base URL. */
    public static final String URL_PROPERTY = "experiments.test.simUrl";
    /** The system property with the number of rows. */
    public static final String ROWS_PROPERTY = "experiments.test.rows";
    /** The most calls in flight. */
    public static final int MAX_CONCURRENCY = 4;

    @Fixture
    SimClient model() {
        return SimClient.builder().baseUrl(System.getProperty(URL_PROPERTY)).build();
    }

    static Stream<Map<String, Object>> rows() {
        return IntStream.rangeClosed(1, Integer.getInteger(ROWS_PROPERTY, 200))
                .mapToObj(i -> Map.of("id", "q" + i, "question", prompt("q" + i)));
    }

    /** The prompt of row {@code id}, as the simulator counts it. */
    public static String prompt(String id) {
        return "row " + id;
    }

    @ForEach(value = "id,question", method = "rows", concurrent = ForEach.Concurrent.TRUE, concurrency = "sliding",
            maxConcurrency = MAX_CONCURRENCY, maxAttempts = 1)
    public Score asks(String id, String question, SimClient model) throws Exception {
        model.complete(question);
        return Score.pass("answered");
    }
}

package dev.evals4j.engine.experiment.process;

import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.sim.SimClient;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The suite of the runners that share a provider's rate limit: the rows of {@link SimulatedRowEvals},
 * run with the default concurrency and pacer (which joins the experiment's limit group when the store
 * is a database), rate-limited calls retried as the engine retries them.
 */
public class PacedRowEvals {

    @Fixture
    SimClient model() {
        return SimClient.builder().baseUrl(System.getProperty(SimulatedRowEvals.URL_PROPERTY)).build();
    }

    static Stream<Map<String, Object>> rows() {
        return SimulatedRowEvals.rows();
    }

    @ForEach(value = "id,question", method = "rows", concurrent = ForEach.Concurrent.TRUE)
    public Score asks(String id, String question, SimClient model) throws Exception {
        model.complete(question);
        return Score.pass("answered");
    }
}

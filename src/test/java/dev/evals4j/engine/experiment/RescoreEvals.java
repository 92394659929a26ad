package dev.evals4j.engine.experiment;

import dev.evals4j.api.EvalContext;
import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import dev.evals4j.sim.SimClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An eval that scores the stored output when re-scoring and asks the simulated provider otherwise; a
 * second score, {@code short}, exists only once the test switches {@link #withShortScore} on.
 */
public class RescoreEvals {

    /** The simulator's base URL; set by the test. */
    public static volatile String baseUrl;
    /** Whether the eval adds the {@code short} score (the "new evaluator"). */
    public static volatile boolean withShortScore;
    /** Calls of the method. */
    public static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Fixture
    SimClient model() {
        return SimClient.builder().baseUrl(baseUrl).build();
    }

    static Stream<Map<String, Object>> rows() {
        return IntStream.rangeClosed(1, 6).mapToObj(i -> Map.of("id", "r" + i, "question", "What is " + i + "?"));
    }

    @ForEach(value = "id,question", method = "rows", experiment = "scored")
    public Result asks(String id, String question, SimClient model, EvalContext context) throws Exception {
        INVOCATIONS.incrementAndGet();
        String reply = context.storedOutput().isPresent() ? (String) context.storedOutput().get()
                : model.complete(question);
        Result result = Result.of(reply, Score.pass("answered"));
        return withShortScore ? result.withScore(Score.of("short", reply.length() < 1_000)) : result;
    }
}

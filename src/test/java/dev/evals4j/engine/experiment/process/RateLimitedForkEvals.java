package dev.evals4j.engine.experiment.process;

import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Score;
import dev.evals4j.sim.SimClient;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What one Surefire fork of a rate-limited suite runs: {@value #ROWS_PROPERTY} rows of its own (the
 * subclass's simple name prefixes their ids), each asking the simulated provider at
 * {@value SimulatedRowEvals#URL_PROPERTY} one question, under the default concurrency pair (whose pacer
 * is the one a limit group shares), retrying what the provider rate-limits. Two forks run the two
 * subclasses, as Surefire's {@code forkCount = 2} runs two classes.
 */
public abstract class RateLimitedForkEvals {

    /** The system property with the number of rows per fork. */
    public static final String ROWS_PROPERTY = "experiments.test.forkRows";

    @Fixture
    SimClient model() {
        return SimClient.builder().baseUrl(System.getProperty(SimulatedRowEvals.URL_PROPERTY)).build();
    }

    Stream<Map<String, Object>> rows() {
        String fork = getClass().getSimpleName();
        return IntStream.rangeClosed(1, Integer.getInteger(ROWS_PROPERTY, 100))
                .mapToObj(i -> Map.of("id", fork + "-" + i, "question", prompt(fork, i)));
    }

    /** The prompt of row {@code number} of {@code fork}, as the simulator counts it. */
    public static String prompt(String fork, int number) {
        return "row " + fork + "-" + number;
    }

    @ForEach(value = "id,question", method = "rows", concurrent = ForEach.Concurrent.TRUE)
    public Score asks(String id, String question, SimClient model) throws Exception {
        model.complete(question);
        return Score.pass("answered");
    }

    /** The first fork's class. */
    public static class FirstFork extends RateLimitedForkEvals {}

    /** The second fork's class. */
    public static class SecondFork extends RateLimitedForkEvals {}
}

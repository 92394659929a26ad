package dev.evals4j.engine.experiment;

import dev.evals4j.api.EvalContext;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Evaluation classes for the experiment tests: rows come from a static list the test sets, every call
 * is counted per {@code rowId#repetition}, and the rows named in {@link #FAILING} throw.
 */
public final class ExperimentEvals {

    /** Calls per {@code rowId#repetition}. */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** Row ids whose calls throw. */
    public static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /** The rows of {@link Rows}: maps with an {@code id} and a number {@code n}. */
    public static volatile List<Map<String, Object>> rows = List.of();

    private ExperimentEvals() {}

    /** Forgets the calls and failures, and sets rows {@code r1..rN} with {@code n = index}. */
    public static void reset(int rowCount) {
        CALLS.clear();
        FAILING.clear();
        rows = IntStream.rangeClosed(1, rowCount).mapToObj(i -> Map.<String, Object>of("id", "r" + i, "n", i)).toList();
    }

    /** How many calls were made over all rows. */
    public static int totalCalls() {
        return CALLS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static Result answer(String id, int n, EvalContext context) {
        CALLS.computeIfAbsent(id + "#" + context.repetition(), k -> new AtomicInteger()).incrementAndGet();
        if (FAILING.contains(id)) {
            throw new IllegalStateException("the provider failed for " + id);
        }
        return Result.of("answer " + n, Score.of("even", n % 2 == 0));
    }

    /** Rows of {@link #rows}: even rows pass, odd rows fail their score. */
    public static class Rows {
        static Stream<Map<String, Object>> rows() {
            return rows.stream();
        }

        @ForEach(value = "id,n", method = "rows", maxAttempts = 1)
        public Result answers(String id, int n, EvalContext context) {
            return answer(id, n, context);
        }
    }

    /** The same rows, run concurrently by an asynchronous-style executor. */
    public static class ConcurrentRows {
        static Stream<Map<String, Object>> rows() {
            return rows.stream();
        }

        @ForEach(value = "id,n", method = "rows", maxAttempts = 1, concurrent = ForEach.Concurrent.TRUE,
                concurrency = "sliding", maxConcurrency = 4)
        public Result answers(String id, int n, EvalContext context) {
            return answer(id, n, context);
        }
    }

    /** The experiment is named on the annotation. */
    public static class Named {
        static Stream<Map<String, Object>> rows() {
            return rows.stream();
        }

        @ForEach(value = "id,n", method = "rows", maxAttempts = 1, experiment = "annotated")
        public Result answers(String id, int n, EvalContext context) {
            return answer(id, n, context);
        }
    }
}

package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.Fixture;
import dev.evals4j.api.ForEach;
import dev.evals4j.sim.SimClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Evaluations whose verdict is a thrown assertion: {@code void} methods that ask the simulated provider
 * and assert on its answer. Rows {@code ok1}, {@code ok2} and {@code ok3} expect the right sum; row
 * {@code wrong} expects a wrong one, so its assertion fails after a successful model call.
 */
public final class VerdictEvals {

    /** The simulator's base URL; set by the test. */
    public static volatile String baseUrl;
    /** Calls per row id, for the evaluations that do not call the provider. */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private VerdictEvals() {}

    static Stream<Map<String, Object>> rows() {
        return List.<Map<String, Object>>of(
                Map.of("id", "ok1", "question", "What is 1 + 3?", "answer", "4"),
                Map.of("id", "wrong", "question", "What is 2 + 6?", "answer", "9"),
                Map.of("id", "ok2", "question", "What is 3 + 9?", "answer", "12"),
                Map.of("id", "ok3", "question", "What is 4 + 1?", "answer", "5")).stream();
    }

    private static void count(String id) {
        CALLS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A synchronous {@code void} evaluation asserting with AssertJ (an opentest4j AssertionFailedError). */
    public static class Sync {
        @Fixture
        SimClient model() {
            return SimClient.builder().baseUrl(baseUrl).build();
        }

        @ForEach(value = "id,question,answer", method = "rows", maxAttempts = 3)
        public void answers(String id, String question, String answer, SimClient model) throws Exception {
            assertThat(model.complete(question).strip()).isEqualTo(answer);
        }

        static Stream<Map<String, Object>> rows() {
            return VerdictEvals.rows();
        }
    }

    /** An asynchronous evaluation whose stage completes with a wrapped assertion, and one thrown before any stage. */
    public static class Async {
        @ForEach(value = "id,question,answer", method = "rows", maxAttempts = 3)
        public CompletionStage<Void> answers(String id, String question, String answer) {
            count(id);
            if (id.equals("ok3")) {
                throw new AssertionError("thrown before any stage for " + id);
            }
            return CompletableFuture.supplyAsync(() -> id.equals("wrong") ? "8" : answer).thenAccept(reply -> {
                if (!reply.equals(answer)) {
                    throw new CompletionException(new org.opentest4j.AssertionFailedError(
                            "wrong answer for " + id, answer, reply));
                }
            });
        }

        static Stream<Map<String, Object>> rows() {
            return VerdictEvals.rows();
        }
    }

    /** A plain {@code assert}-style failure on every row, under stopOnFirstError. */
    public static class EveryRowFails {
        @ForEach(value = "id", method = "rows", maxAttempts = 3)
        public void answers(String id) {
            count(id);
            throw new AssertionError("no good: " + id);
        }

        static Stream<Map<String, Object>> rows() {
            return VerdictEvals.rows();
        }
    }
}

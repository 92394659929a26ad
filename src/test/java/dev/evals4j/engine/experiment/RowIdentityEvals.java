package dev.evals4j.engine.experiment;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluation classes whose rows cannot be told apart as the store keys them: a row id the dataset
 * repeats, and a row the content hash cannot serialise. Every call is counted per row id.
 */
public final class RowIdentityEvals {

    /** Calls per row id. */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private RowIdentityEvals() {}

    /** How many calls {@code id} got. */
    public static int calls(String id) {
        AtomicInteger calls = CALLS.get(id);
        return calls == null ? 0 : calls.get();
    }

    static Result answer(String id, Object n) {
        CALLS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return Result.of("answer " + n, Score.of("ok", true));
    }

    /** {@code engine-test/duplicate-ids.jsonl}: lines 2 and 3 both have the id {@code d1}. */
    public static class DuplicateIds {
        @ForEach(dataset = "engine-test/duplicate-ids.jsonl", maxAttempts = 1)
        public Result answers(String id, int n) {
            return answer(id, n);
        }
    }

    /** The same dataset, run concurrently. */
    public static class ConcurrentDuplicateIds {
        @ForEach(dataset = "engine-test/duplicate-ids.jsonl", maxAttempts = 1, concurrent = ForEach.Concurrent.TRUE,
                concurrency = "sliding", maxConcurrency = 4)
        public Result answers(String id, int n) {
            return answer(id, n);
        }
    }

    /** A method source whose elements 1 and 3 both have the id {@code m1}. */
    public static class DuplicateIdsFromAMethod {
        static List<Map<String, Object>> rows() {
            return List.of(Map.of("id", "m0", "n", 0), Map.of("id", "m1", "n", 1), Map.of("id", "m2", "n", 2),
                    Map.of("id", "m1", "n", 3));
        }

        @ForEach(value = "id,n", method = "rows", maxAttempts = 1)
        public Result answers(String id, int n) {
            return answer(id, n);
        }
    }

    /** A value Jackson cannot write as JSON: no properties, so only its identity tells two apart. */
    public static final class Opaque {
        @Override
        public String toString() {
            return "Opaque@" + Integer.toHexString(System.identityHashCode(this));
        }
    }

    /** A row of {@link Unserialisable}. */
    public record Case(String id, Object payload) {}

    /** A method source whose row {@code u1} holds an {@link Opaque}. */
    public static class Unserialisable {
        static List<Case> rows() {
            return List.of(new Case("u0", "plain text"), new Case("u1", new Opaque()));
        }

        @ForEach(value = "id,payload", method = "rows", maxAttempts = 1)
        public Result answers(String id, Object payload) {
            return answer(id, payload);
        }
    }
}

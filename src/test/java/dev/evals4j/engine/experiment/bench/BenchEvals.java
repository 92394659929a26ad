package dev.evals4j.engine.experiment.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.api.ForEach;
import dev.evals4j.api.Result;
import dev.evals4j.api.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Trivial evaluations for the benchmarks: no model, so what is measured is the engine and the store. */
public final class BenchEvals {

    /** The system property naming the JSONL file {@link FromFile} reads. */
    public static final String FILE_PROPERTY = "experiments.bench.file";
    /** The system property with the number of rows {@link Generated} yields. */
    public static final String ROWS_PROPERTY = "experiments.bench.rows";
    /** Calls made. */
    public static final AtomicLong CALLS = new AtomicLong();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {};

    private BenchEvals() {}

    static Result answer(String id, String q) {
        CALLS.incrementAndGet();
        return Result.of("answer to " + q, Score.of("ok", !id.endsWith("7")));
    }

    /** Rows read lazily from a JSONL file. */
    public static class FromFile {
        static Stream<Map<String, Object>> rows() throws IOException {
            return Files.lines(Path.of(System.getProperty(FILE_PROPERTY))).map(line -> {
                try {
                    return JSON.readValue(line, ROW);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @ForEach(value = "id,q", method = "rows")
        public Result answers(String id, String q) {
            return answer(id, q);
        }
    }

    /** Generated rows, answered one at a time. */
    public static class Generated {
        static Stream<Map<String, Object>> rows() {
            return IntStream.range(0, Integer.getInteger(ROWS_PROPERTY, 20_000))
                    .mapToObj(i -> Map.of("id", "r" + i, "q", "question " + i));
        }

        @ForEach(value = "id,q", method = "rows")
        public Result answers(String id, String q) {
            return answer(id, q);
        }
    }

    /** Generated rows, answered concurrently (8 at a time). */
    public static class GeneratedConcurrent {
        static Stream<Map<String, Object>> rows() {
            return Generated.rows();
        }

        @ForEach(value = "id,q", method = "rows", concurrent = ForEach.Concurrent.TRUE, concurrency = "sliding",
                maxConcurrency = 8)
        public Result answers(String id, String q) {
            return answer(id, q);
        }
    }
}

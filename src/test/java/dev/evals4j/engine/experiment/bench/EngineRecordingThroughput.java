package dev.evals4j.engine.experiment.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measures how many rows per second the engine sustains when every completed row is recorded durably
 * (record + flush before the next dispatch) into SQLite, against the same run with
 * {@code evals4j.storage=none}. The eval calls no model, so the figure is the engine's ceiling. Not a
 * unit test: run it by hand,
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) dev.evals4j.engine.experiment.bench.EngineRecordingThroughput [rows]</pre>
 */
public final class EngineRecordingThroughput {

    private EngineRecordingThroughput() {}

    /** Runs the comparison and prints one line per configuration. */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.setProperty(BenchEvals.ROWS_PROPERTY, Integer.toString(rows));
        Path directory = Files.createTempDirectory("evals4j-recording");
        BenchLauncher.run(BenchEvals.Generated.class, Map.of("evals4j.storage", "none",
                "evals4j.experiment", "warmup"));
        for (Class<?> evals : new Class<?>[] {BenchEvals.Generated.class, BenchEvals.GeneratedConcurrent.class}) {
            measure(evals, rows, "none");
            measure(evals, rows, "jdbc:sqlite:" + directory.resolve(evals.getSimpleName() + ".db"));
        }
    }

    private static void measure(Class<?> evals, int rows, String storage) {
        BenchEvals.CALLS.set(0);
        long started = System.nanoTime();
        BenchLauncher.run(evals, Map.of("evals4j.storage", storage, "evals4j.experiment", "throughput"));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-20s storage=%-6s %,d rows (%,d calls) in %.2f s: %,.0f rows/s%n", evals.getSimpleName(),
                storage.startsWith("jdbc:") ? "sqlite" : storage, rows, BenchEvals.CALLS.get(), seconds,
                rows / seconds);
    }
}

package dev.evals4j.storage;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures how many runs per second {@link JdbcResultStore} records into a fresh SQLite file, from
 * {@code record} of the first run to the end of {@code flush}. Not a unit test: run it by hand,
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) dev.evals4j.storage.StoreThroughput [runs] [threads]</pre>
 *
 * Each run carries a realistic payload: a short output, two scores and a content hash.
 */
public final class StoreThroughput {

    private StoreThroughput() {}

    /** Looks every run up again in batches of 1,000 keys, as a resume does, and prints the rate. */
    private static void lookUpEverything(ResultStore store, long experiment, int runs) {
        long started = System.nanoTime();
        long found = 0;
        List<RunKey> batch = new ArrayList<>(1_000);
        for (int i = 0; i < runs; i++) {
            batch.add(new RunKey("row-" + i, 0));
            if (batch.size() == 1_000 || i == runs - 1) {
                found += store.lookup(experiment, batch).size();
                batch.clear();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("looked up %,d runs (%,d found) in batches of 1,000 in %.2f s: %,.0f keys/s%n",
                runs, found, seconds, runs / seconds);
    }

    /** Arguments: how many runs (default 200,000) and how many recording threads (default 4). */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path dir = Files.createTempDirectory("evals4j-throughput");
        String scores = ScoreRecord.toJson(List.of(new ScoreRecord("exact", 1.0, true, null),
                new ScoreRecord("latency_ms", 812.0, null, null)));
        Instant now = Instant.now();
        ExecutionDetails details = new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0, now, now, 0.8);
        try (ResultStore store = JdbcResultStore.open("jdbc:sqlite:" + dir.resolve("results.db"))) {
            long experiment = store.openExperiment("throughput", "StoreThroughput#main", Map.of(), null).id();
            long started = System.nanoTime();
            List<Thread> recorders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread recorder = new Thread(() -> {
                    for (int i = thread; i < runs; i += threads) {
                        store.record(RunRecord.of(experiment, new RunKey("row-" + i, 0), details,
                                "{\"answer\":\"The answer is " + i + ".\"}", scores, "c0ffee" + i));
                    }
                });
                recorders.add(recorder);
                recorder.start();
            }
            for (Thread recorder : recorders) {
                recorder.join();
            }
            store.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            long stored = store.runCounts(experiment).getOrDefault(ExecutionStatus.COMPLETED, 0L);
            System.out.printf("recorded %,d runs (%,d stored) from %d threads in %.2f s: %,.0f runs/s%n",
                    runs, stored, threads, seconds, runs / seconds);
            lookUpEverything(store, experiment, runs);
        }
    }
}

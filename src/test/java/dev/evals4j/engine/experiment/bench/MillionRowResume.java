package dev.evals4j.engine.experiment.bench;

import dev.evals4j.dataset.Row;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Resumes a 1,000,000-row experiment of which 99% is already completed, through the engine, and
 * reports the peak heap in use while it runs. Writes a JSONL dataset and pre-populates the store
 * through {@code ResultStore.record} first. Not a unit test: run it by hand, under a small heap to
 * prove the resume streams,
 *
 * <pre>java -Xmx128m -cp target/classes:target/test-classes:$(cat cp.txt) dev.evals4j.engine.experiment.bench.MillionRowResume [rows]</pre>
 */
public final class MillionRowResume {

    private static final String EXPERIMENT = "million";

    private MillionRowResume() {}

    /** Prepares, resumes and prints the figures. */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = Files.createTempDirectory("evals4j-million");
        Path dataset = directory.resolve("million.jsonl");
        String storage = "jdbc:sqlite:" + directory.resolve("results.db");
        long started = System.nanoTime();
        writeDataset(dataset, rows);
        long stored = prepopulate(storage, rows);
        System.out.printf("prepared %,d rows, %,d of them stored completed, in %.1f s%n", rows, stored,
                (System.nanoTime() - started) / 1e9);

        System.setProperty(BenchEvals.FILE_PROPERTY, dataset.toString());
        System.gc();
        HeapSampler sampler = HeapSampler.start();
        started = System.nanoTime();
        TestExecutionSummary summary = BenchLauncher.run(BenchEvals.FromFile.class,
                Map.of("evals4j.storage", storage, "evals4j.experiment", EXPERIMENT));
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.stop();
        System.out.printf("resumed in %.1f s: %,d calls (expected %,d), %d failures reported by the launcher%n",
                seconds, BenchEvals.CALLS.get(), rows - stored, summary.getTotalFailureCount());
        System.out.printf("heap: peak used %,d MB (max %,d MB)%n", sampler.peak() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static Map<String, Object> columns(int i) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", "r" + i);
        columns.put("q", "What is " + i + " plus " + (i % 97) + "?");
        return columns;
    }

    private static void writeDataset(Path file, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < rows; i++) {
                Map<String, Object> c = columns(i);
                out.write("{\"id\":\"" + c.get("id") + "\",\"q\":\"" + c.get("q") + "\"}\n");
            }
        }
    }

    /** Stores every row but one in a hundred as completed, with the content hash the engine computes. */
    private static long prepopulate(String storage, int rows) {
        long stored = 0;
        try (JdbcResultStore store = JdbcResultStore.open(storage)) {
            long experiment = store.openExperiment(EXPERIMENT, BenchEvals.FromFile.class.getName() + "#answers",
                    Map.of(), null).id();
            Instant now = Instant.now();
            ExecutionDetails details = new ExecutionDetails(ExecutionStatus.COMPLETED, List.of(), 1, 0, now, now, 0.01);
            for (int i = 0; i < rows; i++) {
                if (i % 100 == 0) {
                    continue;
                }
                Row row = new Row("r" + i, i, columns(i), "million.jsonl:" + (i + 1));
                store.record(RunRecord.of(experiment, new RunKey(row.id(), 0), details, "\"answer\"",
                        "[{\"name\":\"ok\",\"value\":1.0,\"passed\":true,\"detail\":null}]", row.contentHash()));
                stored++;
            }
            store.flush();
        }
        return stored;
    }

    /** Samples the heap in use every 20 ms on a daemon thread. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }
    }
}

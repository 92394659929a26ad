package dev.evals4j.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The main class of a child JVM that writes into a shared results database, as one Surefire fork
 * would: prints {@code ready}, waits for a line on its standard input (so that the parent can start
 * several children writing at the same moment), then opens the store at {@code args[0]} and records
 * {@code args[2]} rows named {@code <args[1]>-<n>} into experiment {@code own-<args[1]>} and into
 * experiment {@code shared}, flushing every {@value #FLUSH_EVERY} rows so that the forks take the
 * write lock in turn many times. Then prints {@code done} on its standard error and exits 0, or prints
 * the failure there and exits 1.
 */
public final class StoreWriterChild {

    static final String SUITE = "com.example.ForkedEvals#answers";
    static final String SHARED = "shared";
    private static final int FLUSH_EVERY = 20;

    private StoreWriterChild() {}

    /** Writes the rows. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String name = args[1];
        int rows = Integer.parseInt(args[2]);
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try (ResultStore store = JdbcResultStore.open(url)) {
            long own = store.openExperiment("own-" + name, SUITE, Map.of(), null).id();
            long shared = store.openExperiment(SHARED, SUITE, Map.of(), null).id();
            for (int i = 0; i < rows; i++) {
                store.record(Runs.completed(own, "row-" + i, name));
                store.record(Runs.completed(shared, name + "-" + i, name));
                if (i % FLUSH_EVERY == FLUSH_EVERY - 1) {
                    store.flush();
                }
            }
            store.finishExperiment(own, ExperimentStatus.COMPLETED);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.err.println("done");
    }
}

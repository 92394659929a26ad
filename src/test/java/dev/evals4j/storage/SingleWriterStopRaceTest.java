package dev.evals4j.storage;

import static dev.evals4j.storage.Runs.completed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a {@link JdbcResultStore} while many threads record: every write the store accepted (its
 * {@code record} returned) is stored, and every write it did not accept failed loudly.
 */
@Timeout(60)
class SingleWriterStopRaceTest {

    private static final int WRITERS = 32;

    @TempDir
    Path dir;

    @RepeatedTest(10)
    void everyAcceptedWriteIsStoredWhenTheStoreClosesUnderConcurrentWriters() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("results.db");
        JdbcResultStore store = JdbcResultStore.open(url, new StoreSettings(Duration.ofSeconds(10), 1, 1));
        long experiment = store.openExperiment("race", "Race#rows", Map.of(), null).id();
        Set<RunKey> accepted = ConcurrentHashMap.newKeySet();
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch someAccepted = new CountDownLatch(WRITERS * 10);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            String writer = "w" + w;
            writers.submit(() -> {
                start.await();
                for (int i = 0; ; i++) {
                    RunKey key = new RunKey(writer + "-" + i, 0);
                    try {
                        store.record(completed(experiment, key.rowId(), "o"));
                    } catch (StoreException refused) {
                        refusals.add(refused.getMessage());
                        return null;
                    }
                    accepted.add(key);
                    someAccepted.countDown();
                }
            });
        }

        start.countDown();
        someAccepted.await();
        store.close();
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        try (JdbcResultStore reopened = JdbcResultStore.open(url)) {
            List<RunKey> keys = new ArrayList<>(accepted);
            assertThat(reopened.lookup(experiment, keys)).hasSameSizeAs(keys).containsOnlyKeys(keys);
        }
        assertThat(refusals).hasSize(WRITERS).allSatisfy(message -> assertThat(message).contains("closed"));
    }
}

package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.dataset.Row;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.InMemoryResultStore;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResumeFeedTest {

    private final ResultStore store = new InMemoryResultStore();
    private final long experiment = store.openExperiment("e", "S#m", Map.of(), null).id();
    private final List<RowEvent> events = new ArrayList<>();

    private static RowItem item(int i, int repetition) {
        return new RowItem(new Row("r" + i, i, Map.of("n", i), "test:" + i), repetition, true);
    }

    private void store(RowItem item, ExecutionStatus status) {
        ExecutionDetails details = new ExecutionDetails(status, List.of(), 1, 0, Instant.EPOCH, Instant.EPOCH, 0);
        store.record(RunRecords.of(experiment, item, status.isCompleted() ? RowOutcome.pass() : null, details,
                item.row().contentHash()));
    }

    private static List<String> drain(Iterator<RowItem> feed) {
        List<String> ids = new ArrayList<>();
        feed.forEachRemaining(i -> ids.add(i.row().id() + "#" + i.repetition()));
        return ids;
    }

    @Test
    void completedPairsAreRestoredAndEveryOtherPairIsYielded() {
        store(item(1, 1), ExecutionStatus.COMPLETED);
        store(item(1, 2), ExecutionStatus.FAILED);
        store(item(2, 1), ExecutionStatus.DID_NOT_RUN);
        store(item(3, 1), ExecutionStatus.COMPLETED_WITH_RETRIES);
        List<RowItem> pairs = List.of(item(1, 1), item(1, 2), item(2, 1), item(3, 1), item(4, 1));

        ResumeFeed feed = new ResumeFeed(pairs.iterator(), store, experiment, events::add);

        assertThat(drain(feed)).containsExactly("r1#2", "r2#1", "r4#1");
        assertThat(events).map(e -> ((RowEvent.Restored) e).item().row().id() + "#" + ((RowEvent.Restored) e).item()
                .repetition()).containsExactly("r1#1", "r3#1");
        assertThat(feed.restored()).isEqualTo(2);
        assertThat(feed.hasUnreadPairs()).isFalse();
    }

    @Test
    void aPairWhoseContentChangedSinceItWasStoredRunsAgain() {
        store(item(1, 1), ExecutionStatus.COMPLETED);
        RowItem changed = new RowItem(new Row("r1", 1, Map.of("n", 100), "test:1"), 1, true);

        assertThat(drain(new ResumeFeed(List.of(changed).iterator(), store, experiment, events::add)))
                .containsExactly("r1#1");
        assertThat(events).isEmpty();
    }

    @Test
    void pairsAreLookedUpInBatchesAndReadNoFurtherThanOneBatchAhead() {
        int[] read = {0};
        Iterator<RowItem> counting = IntStream.rangeClosed(1, 2_000).mapToObj(i -> item(i, 1)).peek(i -> read[0]++)
                .iterator();
        ResumeFeed feed = new ResumeFeed(counting, store, experiment, events::add);

        feed.next();

        assertThat(read[0]).isEqualTo(ResumeFeed.BATCH);
        assertThat(feed.hasUnreadPairs()).isTrue();
    }

    @Test
    void restoringWaitsForTheEngineThreadToReportOlderRestoredRows() throws Exception {
        int total = ResumeFeed.MAX_UNREPORTED + ResumeFeed.BATCH;
        IntStream.rangeClosed(1, total).forEach(i -> store(item(i, 1), ExecutionStatus.COMPLETED));
        List<RowEvent.Restored> unreported = new java.util.concurrent.CopyOnWriteArrayList<>();
        ResumeFeed feed = new ResumeFeed(IntStream.rangeClosed(1, total).mapToObj(i -> item(i, 1)).iterator(), store,
                experiment, e -> unreported.add((RowEvent.Restored) e));

        CompletableFuture<Boolean> reading = CompletableFuture.supplyAsync(feed::hasNext);

        waitUntil(() -> unreported.size() == ResumeFeed.MAX_UNREPORTED);
        assertThat(reading).isNotDone();
        List.copyOf(unreported).forEach(e -> e.onReported().run());
        assertThat(reading.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(unreported).hasSize(total);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}

package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.dataset.Row;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.PairClaims;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * One runner's report in a shared experiment: the test plays another runner on the same SQLite file,
 * holding two pairs and completing them once the engine ran the others. The engine's report has the
 * rows it ran; its method's entry counts the rows the other runner took.
 */
@Timeout(60)
class SharedExperimentReportTest {

    @TempDir
    Path directory;

    @Test
    void theReportShowsTheRowsThisRunnerRanAndCountsTheRowsOtherRunnersTook() throws Exception {
        ExperimentKit kit = new ExperimentKit(directory);
        ExperimentEvals.reset(6);
        String suite = ExperimentEvals.Rows.class.getName() + "#answers";
        EngineExecutionResults results;
        try (JdbcResultStore other = JdbcResultStore.open(kit.storage())) {
            long experiment = other.openExperiment("shared", suite, Map.of(), null).id();
            PairClaims claims = other.claims(experiment, "other", Duration.ofMinutes(1)).orElseThrow();
            assertThat(claims.claim(Map.of(key("r2"), hash("r2", 2), key("r5"), hash("r5", 5)))).hasSize(2);
            CompletableFuture<Void> otherRunner = CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ExperimentEvals.totalCalls() < 4 && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                other.record(completed(experiment, "r2", 2));
                other.record(completed(experiment, "r5", 5));
                other.flush();
            });

            results = kit.run(ExperimentEvals.Rows.class, "shared",
                    Map.of("evals4j.runner", "me", "evals4j.lease", "300ms"));
            otherRunner.get(30, TimeUnit.SECONDS);
        }

        assertThat(ExperimentEvals.CALLS).containsOnlyKeys("r1#1", "r3#1", "r4#1", "r6#1");
        results.testEvents().assertStatistics(stats -> stats.started(4));
        assertThat(results.containerEvents().reportingEntryPublished()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()))
                .anySatisfy(entry -> assertThat(entry).containsEntry("evals4j.runners", "runner=me rows=4 otherRunners=2"));
        assertThat(kit.experiments()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.COMPLETED));
        assertThat(kit.runs("shared")).hasSize(6);
    }

    private static RunKey key(String rowId) {
        return new RunKey(rowId, 0);
    }

    private static String hash(String rowId, int n) {
        return new Row(rowId, 0, Map.of("id", rowId, "n", n), "test").contentHash();
    }

    private static RunRecord completed(long experiment, String rowId, int n) {
        return new RunRecord(experiment, rowId, 0, ExecutionStatus.COMPLETED, "\"answer " + n + "\"",
                ScoreRecord.toJson(List.of(new ScoreRecord("even", n % 2 == 0 ? 1.0 : 0.0, n % 2 == 0, null))), null,
                List.of(), 1, Instant.EPOCH, Instant.EPOCH, hash(rowId, n));
    }
}

package dev.evals4j.engine.experiment.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.JdbcResultStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration: SIGTERM reaches a child JVM while a sequential sync row hangs (ignoring interrupts),
 * and the experiment still ends {@code INTERRUPTED} with the row before it kept.
 */
@Tag("integration")
@Timeout(120)
class SigtermDuringHangingCallTest {

    @TempDir
    Path directory;

    @Test
    void sigtermWhileASequentialSyncCallHangsLeavesTheExperimentInterrupted() throws Exception {
        String storage = "jdbc:sqlite:" + directory.resolve("results.db");
        ChildJvm child = ChildJvm.start(Map.of(ExperimentChild.EVAL_CLASS_PROPERTY, HangingRowEvals.class.getName(),
                "evals4j.experiment", "hang", "evals4j.storage", storage, "evals4j.timeout", "10m",
                "evals4j.shutdownGrace", "200ms"), directory.resolve("child.log"));
        awaitOutput(child, HangingRowEvals.HANGING);

        child.process().destroy();
        child.awaitExit(60);

        try (JdbcResultStore store = JdbcResultStore.open(storage)) {
            ExperimentInfo experiment = store.listExperiments().stream().filter(e -> e.name().equals("hang"))
                    .findFirst().orElseThrow();
            assertThat(experiment.status()).as(child.output()).isEqualTo(ExperimentStatus.INTERRUPTED);
            assertThat(store.runCounts(experiment.id())).containsEntry(ExecutionStatus.COMPLETED, 1L);
        }
    }

    /** Waits until the child printed {@code line}; fails if it exits first or takes over a minute. */
    private static void awaitOutput(ChildJvm child, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!child.output().contains(line)) {
            if (!child.process().isAlive()) {
                throw new AssertionError("The child exited before printing '" + line + "':\n" + child.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The child did not print '" + line + "' in 60 s:\n" + child.output());
            }
            Thread.sleep(10);
        }
    }
}

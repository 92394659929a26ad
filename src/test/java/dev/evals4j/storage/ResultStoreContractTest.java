package dev.evals4j.storage;

import static dev.evals4j.execution.ExecutionStatus.COMPLETED;
import static dev.evals4j.execution.ExecutionStatus.COMPLETED_WITH_RETRIES;
import static dev.evals4j.execution.ExecutionStatus.DID_NOT_RUN;
import static dev.evals4j.execution.ExecutionStatus.FAILED;
import static dev.evals4j.storage.Runs.completed;
import static dev.evals4j.storage.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evals4j.execution.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The behaviour every {@link ResultStore} must have; each implementation runs it through a subclass. */
abstract class ResultStoreContractTest {

    private static final String SUITE = "com.example.MathEvals#solves";

    ResultStore store;
    long experiment;

    /** A new, empty store. */
    abstract ResultStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        experiment = store.openExperiment("exp", SUITE, Map.of("evals4j.concurrency.max", "10"), "fp1").id();
    }

    @AfterEach
    void closeStore() {
        try {
            store.close();
        } catch (StoreException expectedWhenTheTestBrokeTheStore) {
            // tests that break the store assert on that failure themselves
        }
    }

    @Nested
    class Experiments {

        @Test
        void reopeningByNameAndSuiteResumesTheSameExperiment() {
            store.finishExperiment(experiment, ExperimentStatus.INTERRUPTED);

            ExperimentInfo again = store.openExperiment("exp", SUITE, Map.of("other", "config"), "fp2");

            assertThat(again.id()).isEqualTo(experiment);
            assertThat(again.status()).isEqualTo(ExperimentStatus.RUNNING);
            assertThat(again.config()).containsExactly(Map.entry("evals4j.concurrency.max", "10"));
            assertThat(again.datasetFingerprint()).isEqualTo("fp1");
            assertThat(store.listExperiments()).hasSize(1);
        }

        @Test
        void sameNameInAnotherSuiteIsAnotherExperiment() {
            ExperimentInfo other = store.openExperiment("exp", "com.example.MathEvals#other", Map.of(), null);

            assertThat(other.id()).isNotEqualTo(experiment);
            assertThat(store.listExperiments()).extracting(ExperimentInfo::suite)
                    .containsExactly(SUITE, "com.example.MathEvals#other");
        }

        @Test
        void findAndFinish() {
            store.finishExperiment(experiment, ExperimentStatus.COMPLETED);

            assertThat(store.findExperiment("exp", SUITE)).get()
                    .extracting(ExperimentInfo::status).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(store.findExperiment("nope", SUITE)).isEmpty();
            assertThatThrownBy(() -> store.finishExperiment(9_999, ExperimentStatus.COMPLETED))
                    .isInstanceOf(StoreException.class).hasMessageContaining("9999");
        }

        @Test
        void aRunnerEndingLaterDoesNotTurnAnExperimentAnotherRunnerCompletedIntoInterruptedOrAborted() {
            store.finishExperiment(experiment, ExperimentStatus.COMPLETED);

            store.finishExperiment(experiment, ExperimentStatus.INTERRUPTED);
            store.finishExperiment(experiment, ExperimentStatus.ABORTED);

            assertThat(store.findExperiment("exp", SUITE).orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(store.openExperiment("exp", SUITE, Map.of(), "fp1").status())
                    .as("opening it again runs it again").isEqualTo(ExperimentStatus.RUNNING);
            store.finishExperiment(experiment, ExperimentStatus.INTERRUPTED);
            assertThat(store.findExperiment("exp", SUITE).orElseThrow().status()).isEqualTo(ExperimentStatus.INTERRUPTED);
        }

        @Test
        void secretConfigurationValuesAreMaskedBeforeStoring() {
            ExperimentInfo info = store.openExperiment("secret", SUITE,
                    Map.of("openai.apiKey", "sk-abcdefghijklmnopqrstuv", "evals4j.timeout", "60s"), null);

            assertThat(info.config()).containsEntry("openai.apiKey", "***").containsEntry("evals4j.timeout", "60s");
            assertThat(store.findExperiment("secret", SUITE).orElseThrow().config())
                    .containsEntry("openai.apiKey", "***");
        }
    }

    @Nested
    class Recording {

        @Test
        void recordedRunIsReadBackWhole() {
            RunRecord failed = run(experiment, "r1", 2, FAILED, "x");

            store.record(failed);
            store.flush();

            assertThat(store.lookup(experiment, List.of(new RunKey("r1", 2)))).containsExactly(
                    Map.entry(new RunKey("r1", 2), failed));
        }

        @Test
        void duplicateOfACompletedRunIsANoOp() {
            store.record(completed(experiment, "r1", "first"));
            store.record(completed(experiment, "r1", "second"));

            assertThat(outputOf("r1")).isEqualTo("\"first\"");
            assertThat(store.runCounts(experiment)).containsExactly(Map.entry(COMPLETED, 1L));
        }

        @ParameterizedTest
        @EnumSource(ExecutionStatus.class)
        void completedRunIsNeverOverwritten(ExecutionStatus later) {
            store.record(run(experiment, "r1", 0, COMPLETED_WITH_RETRIES, "kept"));
            store.record(run(experiment, "r1", 0, later, "later"));

            assertThat(statusOf("r1")).isEqualTo(COMPLETED_WITH_RETRIES);
            assertThat(outputOf("r1")).isEqualTo("\"kept\"");
        }

        @Test
        void rerunAfterAFailureReplacesIt() {
            store.record(run(experiment, "r1", 0, FAILED, "old"));
            store.record(run(experiment, "r1", 0, FAILED, "new"));
            assertThat(store.lookup(experiment, List.of(new RunKey("r1", 0))).get(new RunKey("r1", 0)).error())
                    .isEqualTo("java.io.IOException: boom new");

            store.record(run(experiment, "r1", 0, COMPLETED, "done"));
            assertThat(statusOf("r1")).isEqualTo(COMPLETED);
        }

        @Test
        void aCompletedRunWithAFailingVerdictIsReplacedByALaterCompletedRunOnly() {
            store.record(failingVerdict("r1", "first"));
            store.record(run(experiment, "r1", 0, FAILED, "error"));
            store.record(run(experiment, "r1", 0, DID_NOT_RUN, "skipped"));
            assertThat(outputOf("r1")).isEqualTo("\"first\"");

            store.record(failingVerdict("r1", "second"));
            assertThat(outputOf("r1")).isEqualTo("\"second\"");

            store.record(completed(experiment, "r1", "passed"));
            store.record(failingVerdict("r1", "third"));
            assertThat(outputOf("r1")).isEqualTo("\"passed\"");
            assertThat(store.lookup(experiment, List.of(new RunKey("r1", 0))).get(new RunKey("r1", 0)).passed())
                    .isTrue();
        }

        @Test
        void aRunOfEditedRowContentReplacesWhateverIsStored() {
            store.record(completed(experiment, "r1", "old content passed"));
            RunRecord edited = run(experiment, "r1", 0, FAILED, "new content");

            store.record(withHash(edited, "hash-edited"));

            assertThat(statusOf("r1")).isEqualTo(FAILED);
            assertThat(store.lookup(experiment, List.of(new RunKey("r1", 0))).get(new RunKey("r1", 0)).contentHash())
                    .isEqualTo("hash-edited");
            store.record(completed(experiment, "r1", "the old content again"));
            assertThat(outputOf("r1")).isEqualTo("\"the old content again\"");
        }

        private RunRecord withHash(RunRecord run, String contentHash) {
            return new RunRecord(run.experimentId(), run.rowId(), run.repetition(), run.status(), run.outputJson(),
                    run.scoresJson(), run.error(), run.history(), run.attempts(), run.start(), run.end(), contentHash);
        }

        private RunRecord failingVerdict(String rowId, String output) {
            return completed(experiment, rowId, output)
                    .withScores(ScoreRecord.toJson(List.of(new ScoreRecord("exact", 0.0, false, "expected 4"))));
        }

        @Test
        void didNotRunDoesNotEraseAFailureButIsReplacedByAnything() {
            store.record(run(experiment, "failed", 0, FAILED, "x"));
            store.record(run(experiment, "failed", 0, DID_NOT_RUN, "x"));
            store.record(run(experiment, "skipped", 0, DID_NOT_RUN, "x"));
            store.record(run(experiment, "skipped", 0, FAILED, "x"));

            assertThat(statusOf("failed")).isEqualTo(FAILED);
            assertThat(statusOf("skipped")).isEqualTo(FAILED);
        }

        @Test
        void secretsInErrorsHistoriesAndOutputsAreMaskedBeforeStoring() {
            RunRecord leaky = new RunRecord(experiment, "r1", 0, FAILED, "{\"echo\":\"key sk-abcdefghijklmnopqrstuvwx\"}",
                    null, "java.io.IOException: 401 for Authorization: Bearer abcdefgh12345",
                    List.of(new AttemptError("java.io.IOException", "bad api_key=hunter2hunter2", "")),
                    1, Runs.T0, Runs.T0, "h");

            store.record(leaky);
            RunRecord stored = store.lookup(experiment, List.of(new RunKey("r1", 0))).get(new RunKey("r1", 0));

            assertThat(stored.error()).isEqualTo("java.io.IOException: 401 for Authorization: Bearer ***");
            assertThat(stored.history().get(0).message()).isEqualTo("bad api_key=***");
            assertThat(stored.outputJson()).isEqualTo("{\"echo\":\"key ***\"}");
        }

        @Test
        void concurrentRecordersLoseNothing() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    done.add(threads.submit(() -> IntStream.range(0, 1_000)
                            .forEach(i -> store.record(completed(experiment, thread + "-" + i, "o")))));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                threads.shutdown();
            }
            store.flush();

            assertThat(store.runCounts(experiment)).containsExactly(Map.entry(COMPLETED, 4_000L));
        }
    }

    @Nested
    class Reading {

        @Test
        void lookupReturnsOnlyStoredRunsOfTheRequestedKeys() {
            for (int i = 0; i < 1_200; i++) {
                store.record(run(experiment, "row" + i, 0, COMPLETED, "o"));
                store.record(run(experiment, "row" + i, 1, FAILED, "o"));
            }
            List<RunKey> keys = new ArrayList<>();
            for (int i = 0; i < 1_500; i += 2) {
                keys.add(new RunKey("row" + i, 1));
            }

            Map<RunKey, RunRecord> found = store.lookup(experiment, keys);

            assertThat(found).hasSize(600);
            assertThat(found.values()).allMatch(r -> r.repetition() == 1 && r.status() == FAILED);
            assertThat(found).containsKey(new RunKey("row1198", 1)).doesNotContainKey(new RunKey("row1200", 1));
        }

        @Test
        void lookupIsScopedToItsExperiment() {
            long other = store.openExperiment("other", SUITE, Map.of(), null).id();
            store.record(completed(other, "r1", "o"));

            assertThat(store.lookup(experiment, List.of(new RunKey("r1", 0)))).isEmpty();
        }

        @Test
        void runsStreamsInRowAndRepetitionOrder() {
            store.record(run(experiment, "b", 1, COMPLETED, "o"));
            store.record(run(experiment, "a", 0, FAILED, "o"));
            store.record(run(experiment, "b", 0, COMPLETED, "o"));
            long other = store.openExperiment("other", SUITE, Map.of(), null).id();
            store.record(completed(other, "c", "o"));

            try (Stream<RunRecord> runs = store.runs(experiment)) {
                assertThat(runs.map(RunRecord::key)).containsExactly(
                        new RunKey("a", 0), new RunKey("b", 0), new RunKey("b", 1));
            }
        }

        @Test
        void updateScoresReplacesTheScoresOnly() {
            store.record(completed(experiment, "r1", "o"));
            String rescored = ScoreRecord.toJson(List.of(new ScoreRecord("judge", 0.25, false, "too short")));

            store.updateScores(experiment, new RunKey("r1", 0), rescored);

            RunRecord stored = store.lookup(experiment, List.of(new RunKey("r1", 0))).get(new RunKey("r1", 0));
            assertThat(stored.scores()).containsExactly(new ScoreRecord("judge", 0.25, false, "too short"));
            assertThat(stored.outputJson()).isEqualTo("\"o\"");
            assertThat(stored.passed()).isFalse();
        }
    }

    @Nested
    class Failures {

        @Test
        void writeForAnUnknownExperimentSurfacesAndPoisonsTheStore() {
            assertThatThrownBy(() -> {
                store.record(completed(424_242, "r1", "o"));
                store.flush();
            }).isInstanceOf(StoreException.class);

            assertThatThrownBy(() -> store.record(completed(experiment, "r2", "o"))).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.flush()).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.close()).isInstanceOf(StoreException.class);
        }

        @Test
        void rescoringARunThatIsNotStoredSurfaces() {
            assertThatThrownBy(() -> {
                store.updateScores(experiment, new RunKey("missing", 0), "[]");
                store.flush();
            }).isInstanceOf(StoreException.class).hasMessageContaining("missing#0").hasMessageContaining("no such run");
        }

        @Test
        void aScoreUpdateThatMatchesNoRunFailsAloneAndTheStoreKeepsWorking() {
            store.record(completed(experiment, "a", "o"));
            store.record(completed(experiment, "b", "o"));
            String rescored = ScoreRecord.toJson(List.of(new ScoreRecord("judge", 1.0, true, null)));

            assertThatThrownBy(() -> {
                store.updateScores(experiment, new RunKey("missing", 0), rescored);
                store.flush();
            }).isInstanceOf(StoreException.class).hasMessageContaining("missing#0").hasMessageContaining("no such run");

            store.record(completed(experiment, "c", "o"));
            store.updateScores(experiment, new RunKey("a", 0), rescored);
            store.flush();
            assertThat(store.runCounts(experiment)).containsExactly(Map.entry(COMPLETED, 3L));
            assertThat(store.lookup(experiment, List.of(new RunKey("a", 0))).get(new RunKey("a", 0)).scores())
                    .containsExactly(new ScoreRecord("judge", 1.0, true, null));
            store.close();
        }

        @Test
        void closedStoreRefusesWrites() {
            store.close();

            assertThatThrownBy(() -> store.record(completed(experiment, "r1", "o")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("closed");
        }
    }

    private ExecutionStatus statusOf(String rowId) {
        return store.lookup(experiment, List.of(new RunKey(rowId, 0))).get(new RunKey(rowId, 0)).status();
    }

    private String outputOf(String rowId) {
        return store.lookup(experiment, List.of(new RunKey(rowId, 0))).get(new RunKey(rowId, 0)).outputJson();
    }
}

package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.storage.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Rows the store could not tell apart: a repeated row id is a dataset error and never overwrites the
 * first row's result; a row the content hash cannot serialise is an error, not a resume that never matches.
 */
@Timeout(60)
class RowIdentityTest {

    private static final String DATASET = "engine-test/duplicate-ids.jsonl";

    @TempDir
    Path directory;

    private ExperimentKit kit;

    @BeforeEach
    void setUp() {
        kit = new ExperimentKit(directory);
        RowIdentityEvals.CALLS.clear();
    }

    @ParameterizedTest
    @ValueSource(classes = {RowIdentityEvals.DuplicateIds.class, RowIdentityEvals.ConcurrentDuplicateIds.class})
    void aRepeatedRowIdIsADatasetErrorNamingBothLinesAndNeverOverwritesTheFirstRow(Class<?> evals) {
        EngineExecutionResults first = kit.run(evals, "dup", Map.of());

        first.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertThat(failureMessages(first)).singleElement().satisfies(message -> assertThat(message)
                .contains("'d1'").contains(DATASET + ":2").contains(DATASET + ":3"));
        assertThat(RowIdentityEvals.calls("d1")).isEqualTo(1);
        List<RunRecord> runs = kit.runs("dup");
        assertThat(runs).extracting(RunRecord::rowId).containsExactly("d0", "d1");
        assertThat(runs.get(1).outputJson()).isEqualTo("\"answer 1\"");

        RowIdentityEvals.CALLS.clear();
        EngineExecutionResults second = kit.run(evals, "dup", Map.of());

        assertThat(RowIdentityEvals.CALLS).isEmpty();
        second.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertThat(failureMessages(second)).singleElement().satisfies(message -> assertThat(message)
                .contains(DATASET + ":2").contains(DATASET + ":3"));
        assertThat(kit.runs("dup")).extracting(RunRecord::rowId).containsExactly("d0", "d1");
    }

    @Test
    void aRepeatedRowIdOfAMethodSourceNamesBothElementIndexes() {
        EngineExecutionResults results = kit.run(RowIdentityEvals.DuplicateIdsFromAMethod.class, "method", Map.of());

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
        assertThat(failureMessages(results)).singleElement().satisfies(message -> assertThat(message)
                .contains("'m1'").contains("DuplicateIdsFromAMethod.rows()[1]")
                .contains("DuplicateIdsFromAMethod.rows()[3]"));
        assertThat(kit.runs("method")).extracting(RunRecord::rowId).containsExactly("m0", "m1", "m2");
        assertThat(kit.runs("method").get(1).outputJson()).isEqualTo("\"answer 1\"");
    }

    @Test
    void aRowTheContentHashCannotSerialiseIsAnErrorNamingTheRowAndItsType() {
        EngineExecutionResults results = kit.run(RowIdentityEvals.Unserialisable.class, "opaque", Map.of());

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(failureMessages(results)).singleElement().satisfies(message -> assertThat(message)
                .contains("'u1'").contains("payload").contains(RowIdentityEvals.Opaque.class.getName())
                .contains("serialise"));
        assertThat(RowIdentityEvals.calls("u1")).isZero();
        assertThat(kit.runs("opaque")).extracting(RunRecord::rowId).containsExactly("u0");
    }

    private static List<String> failureMessages(EngineExecutionResults results) {
        return results.testEvents().failed().map(e -> e.getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage()).toList();
    }
}

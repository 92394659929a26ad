package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A store that cannot be used fails the method's container with a message naming the file, and is left alone. */
class StoreFailureTest {

    @TempDir
    Path directory;

    private ExperimentKit kit;

    @BeforeEach
    void setUp() {
        kit = new ExperimentKit(directory);
        ExperimentEvals.reset(5);
    }

    @Test
    void aFileThatIsNotADatabaseFailsTheMethodAndIsNotModified() throws Exception {
        byte[] foreign = "these are somebody's notes, not a database\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(kit.database(), foreign);

        EngineExecutionResults results = kit.run(ExperimentEvals.Rows.class, "corrupt", Map.of());

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("answers"),
                finishedWithFailure(message(m -> m.contains(kit.database().toString()) && m.contains("not modified")))));
        assertThat(ExperimentEvals.totalCalls()).isZero();
        assertThat(Files.readAllBytes(kit.database())).isEqualTo(foreign);
    }

    @Test
    @Timeout(60)
    void aDatabaseLockedByAnotherProcessFailsTheMethodAndKeepsItsRows() throws Exception {
        kit.run(ExperimentEvals.Rows.class, "locked", Map.of());
        ExperimentEvals.CALLS.clear();

        EngineExecutionResults results;
        try (Connection other = DriverManager.getConnection(kit.storage());
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            results = kit.run(ExperimentEvals.Rows.class, "locked-again", Map.of());
            statement.execute("ROLLBACK");
        }

        results.containerEvents().assertThatEvents().haveExactly(1, event(container("answers"),
                finishedWithFailure(message(m -> m.contains(kit.database().toString()) && m.contains("locked")))));
        assertThat(ExperimentEvals.totalCalls()).isZero();
        assertThat(kit.runs("locked")).hasSize(5);
        assertThat(kit.experiments()).extracting(e -> e.name()).containsExactly("locked");
    }
}

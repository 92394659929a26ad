package dev.evals4j.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.storage.cli.EvalsCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * "Failed" means one thing: the method summary, {@code list}, {@code show} and {@code compare} count the
 * same passed rows, failed rows (a failing verdict), errors (an exception) and rows that did not run.
 */
class CliAgreesWithSummaryTest {

    @TempDir
    Path directory;

    private ExperimentKit kit;

    @BeforeEach
    void runAnExperimentWithPassesFailuresAndAnError() {
        kit = new ExperimentKit(directory);
        ExperimentEvals.reset(10);
        ExperimentEvals.FAILING.add("r3");
    }

    @Test
    void listShowAndCompareCountWhatTheSummaryCounts() {
        EngineExecutionResults results = kit.run(ExperimentEvals.Rows.class, "mixed", Map.of());
        kit.run(ExperimentEvals.Rows.class, "again", Map.of());

        assertThat(VerdictResumeTest.summary(results)).contains("rows=10 passed=5 failed=4 errors=1 didNotRun=0");
        assertThat(cli("list")).anySatisfy(line -> assertThat(line.split("\\s+"))
                .startsWith("mixed").endsWith("10", "5", "4", "1", "0"));
        assertThat(cli("show", "mixed")).contains(
                "  passed             5",
                "  failed             4",
                "  errors             1",
                "  did not run        0",
                "Failed runs (4):",
                "Runs with errors (1):")
                .anySatisfy(line -> assertThat(line).startsWith("  r1 ").endsWith("even=0.000"))
                .anySatisfy(line -> assertThat(line).startsWith("  r3 ")
                        .endsWith("java.lang.IllegalStateException: the provider failed for r3"))
                .doesNotContain("No failed runs.");
        assertThat(cli("compare", "mixed", "again")).anySatisfy(line -> assertThat(line.split("\\s+"))
                        .containsExactly("", "failed", "4", "4", "+0"))
                .anySatisfy(line -> assertThat(line.split("\\s+")).containsExactly("", "errors", "1", "1", "+0"));
    }

    private java.util.List<String> cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--storage", kit.storage())).toArray(String[]::new);
        int status = new EvalsCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), directory).run(all);
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

package dev.evals4j.storage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.execution.ExecutionStatus;
import dev.evals4j.storage.AttemptError;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.ResultStores;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalsCliTest {

    private static final String SUITE = "com.example.MathEvals#solves";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void storeTwoExperiments() {
        try (ResultStore store = ResultStores.open(null, project)) {
            long base = store.openExperiment("base", SUITE, Map.of(), null).id();
            store.record(run(base, "r1", ExecutionStatus.COMPLETED, 1.0, true));
            store.record(run(base, "r2", ExecutionStatus.COMPLETED, 0.0, false));
            store.record(run(base, "r3", ExecutionStatus.FAILED, null, null));
            store.record(run(base, "r4", ExecutionStatus.COMPLETED_WITH_RETRIES, 1.0, true));
            long next = store.openExperiment("next", SUITE, Map.of(), null).id();
            store.record(run(next, "r1", ExecutionStatus.COMPLETED, 1.0, true));
            store.record(run(next, "r2", ExecutionStatus.COMPLETED, 1.0, true));
            store.record(run(next, "r3", ExecutionStatus.COMPLETED, 1.0, true));
            store.record(run(next, "r4", ExecutionStatus.COMPLETED, 0.0, false));
            store.finishExperiment(next, dev.evals4j.storage.ExperimentStatus.COMPLETED);
        }
    }

    @Test
    void listShowsEveryExperimentWithItsCounts() {
        assertThat(run("list")).isZero();

        assertThat(lines()).containsExactly(
                "NAME  SUITE                         CREATED               STATUS     RUNS  PASSED  FAILED  ERRORS  DID-NOT-RUN",
                "base  com.example.MathEvals#solves  " + created("base") + "  RUNNING    4     2       1       1       0",
                "next  com.example.MathEvals#solves  " + created("next") + "  COMPLETED  4     3       1       0       0");
    }

    @Test
    void showPrintsTheSummaryThenTheFailedRunsAndTheRunsWithErrors() {
        assertThat(run("show", "base")).isZero();

        assertThat(lines()).containsExactly(
                "Experiment base · " + SUITE + " · created " + created("base") + " · RUNNING",
                "  rows               4",
                "  runs               4",
                "  passed             2",
                "  failed             1",
                "  errors             1",
                "  did not run        0",
                "  with retries       1",
                "  accuracy (95% CI)  66.7% [0.208, 0.939]",
                "  mean exact         0.667",
                "Failed runs (1):",
                "  ROW  REP  ATTEMPTS  FAILURE",
                "  r2   0    1         exact failed",
                "Runs with errors (1):",
                "  ROW  REP  ATTEMPTS  LAST ERROR",
                "  r3   0    4         java.io.IOException: upstream closed");
    }

    @Test
    void compareShowsAggregateChangesAndFlippedRows() {
        assertThat(run("compare", "base", "next")).isZero();

        assertThat(lines()).containsExactly(
                "Compare base -> next · " + SUITE,
                "                     base                  next                  CHANGE",
                "  runs               4                     4                     +0",
                "  passed             2                     3                     +1",
                "  failed             1                     1                     +0",
                "  errors             1                     0                     -1",
                "  did not run        0                     0                     +0",
                "  accuracy (95% CI)  66.7% [0.208, 0.939]  75.0% [0.301, 0.954]  +8.3 pts",
                "  mean exact         0.667                 0.750                 +0.083",
                "Runs whose pass/fail changed (3):",
                "  ROW  REP  base   next",
                "  r2   0    fail   pass",
                "  r3   0    error  pass",
                "  r4   0    pass   fail",
                "Runs only in base: 0; only in next: 0");
    }

    @Test
    void exportWritesOneJsonLinePerRun() throws Exception {
        Path file = project.resolve("base.jsonl");

        assertThat(run("export", "base", "--out", file.toString())).isZero();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        JsonNode failed = new ObjectMapper().readTree(lines.get(2));
        assertThat(failed.get("rowId").asText()).isEqualTo("r3");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("outcome").asText()).isEqualTo("error");
        assertThat(failed.get("history").get(0).get("message").asText()).isEqualTo("upstream closed");
        JsonNode passed = new ObjectMapper().readTree(lines.get(0));
        assertThat(passed.get("output").get("answer").asInt()).isEqualTo(42);
        assertThat(passed.get("scores").get(0).get("name").asText()).isEqualTo("exact");
    }

    @Test
    void exportNamesTheRunnerThatRanEachPairOfASharedExperiment() {
        try (ResultStore first = ResultStores.open(null, project); ResultStore second = ResultStores.open(null, project)) {
            long shared = first.openExperiment("shared", SUITE, Map.of(), null).id();
            first.claims(shared, "ci-1", Duration.ofMinutes(1)).orElseThrow();
            second.claims(shared, "ci-2", Duration.ofMinutes(1)).orElseThrow();
            first.record(run(shared, "r1", ExecutionStatus.COMPLETED, 1.0, true));
            second.record(run(shared, "r2", ExecutionStatus.COMPLETED, 0.0, false));
            first.record(run(shared, "r3", ExecutionStatus.COMPLETED, 1.0, true));
        }

        assertThat(run("export", "shared")).isZero();

        assertThat(lines().stream().map(EvalsCliTest::json)
                .map(line -> line.get("rowId").asText() + " " + line.get("runner").asText()))
                .containsExactly("r1 ci-1", "r2 ci-2", "r3 ci-1");
    }

    @Test
    void exportOfAnExperimentRecordedWithoutARunnerIdHasANullRunner() {
        assertThat(run("export", "base")).isZero();

        assertThat(lines()).hasSize(4).allSatisfy(line -> assertThat(json(line).get("runner").isNull()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "show", "compare base", "list extra", "show base --verbose",
        "list --storage", "list --out x.jsonl"})
    void badArgumentsPrintTheUsageAndExitWithTwo(String line) {
        assertThat(run(line.isEmpty() ? new String[0] : line.split(" "))).isEqualTo(EvalsCli.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("evals4j: ").contains("usage: evals4j");
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnknownExperimentIsAnErrorThatSaysHowToFindThem() {
        assertThat(run("show", "nope")).isEqualTo(EvalsCli.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No experiment named nope").contains("`list`");
    }

    @Test
    void aMissingDefaultDatabaseIsNamedAndNotCreated(@TempDir Path elsewhere) {
        EvalsCli cli = new EvalsCli(new PrintStream(out), new PrintStream(err), elsewhere);

        assertThat(cli.run("list")).isEqualTo(EvalsCli.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(elsewhere.toAbsolutePath().toString())
                .contains("--storage");
        assertThat(elsewhere.resolve(".evals4j")).doesNotExist();
    }

    @Test
    void storageOptionTakesAJdbcUrl(@TempDir Path elsewhere) {
        String url = "jdbc:sqlite:" + project.resolve(".evals4j/results.db");
        EvalsCli cli = new EvalsCli(new PrintStream(out), new PrintStream(err), elsewhere);

        assertThat(cli.run("list", "--storage", url, "--suite", SUITE)).isZero();

        assertThat(lines()).hasSize(3);
    }

    private int run(String... args) {
        return new EvalsCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), project).run(args);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String created(String name) {
        try (ResultStore store = ResultStores.open(null, project)) {
            return Formats.time(store.findExperiment(name, SUITE).orElseThrow().created());
        }
    }

    private static RunRecord run(long experiment, String rowId, ExecutionStatus status, Double value, Boolean passed) {
        boolean failed = status == ExecutionStatus.FAILED;
        List<AttemptError> history = failed
                ? List.of(new AttemptError("java.io.IOException", "upstream closed", "at a.b(C.java:1)"))
                : List.of();
        return new RunRecord(experiment, rowId, 0, status,
                failed ? null : "{\"answer\":42}",
                failed ? null : ScoreRecord.toJson(List.of(new ScoreRecord("exact", value, passed, null))),
                failed ? "java.io.IOException: upstream closed" : null,
                history, failed ? 4 : 1, T0, T0.plusSeconds(1), "h-" + rowId);
    }
}

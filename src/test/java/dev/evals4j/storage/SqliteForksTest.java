package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.execution.ExecutionStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several Surefire forks on one machine with the default SQLite store: two child JVMs open one new
 * database file at the same moment and write thousands of rows into it at once, into experiments of
 * their own and into one experiment they share. Neither may fail with "database is locked", and every
 * row must be there afterwards.
 */
@Tag("integration")
@Timeout(180)
class SqliteForksTest {

    private static final int ROWS = 3_000;
    private static final List<String> FORKS = List.of("fork1", "fork2");

    @TempDir
    Path directory;

    @Test
    void twoForksWritingOneFileAtOnceLoseNothing() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("results.db");
        List<Process> children = new ArrayList<>();
        for (String fork : FORKS) {
            children.add(start(url, fork));
        }
        for (Process child : children) {
            assertThat(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()).isEqualTo("ready");
        }
        for (Process child : children) {
            Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
            go.write("go\n");
            go.flush();
        }
        for (int i = 0; i < children.size(); i++) {
            Process child = children.get(i);
            Path log = log(FORKS.get(i));
            assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("fork %s exited", FORKS.get(i)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(log)).isZero();
            // "is locked" and SQLITE_BUSY, not "locked": JDK 22+ warns that restricted methods will be "blocked".
            assertThat(Files.readString(log)).doesNotContainIgnoringCase("is locked").doesNotContain("SQLITE_BUSY")
                    .contains("done");
        }

        try (ResultStore store = JdbcResultStore.open(url)) {
            for (String fork : FORKS) {
                ExperimentInfo own = store.findExperiment("own-" + fork, StoreWriterChild.SUITE).orElseThrow();
                assertThat(own.status()).isEqualTo(ExperimentStatus.COMPLETED);
                assertThat(rowIds(store, own.id())).isEqualTo(expectedRows("row-"));
            }
            ExperimentInfo shared = store.findExperiment(StoreWriterChild.SHARED, StoreWriterChild.SUITE).orElseThrow();
            List<String> expected = new ArrayList<>();
            FORKS.forEach(fork -> expected.addAll(expectedRows(fork + "-")));
            assertThat(rowIds(store, shared.id())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store.runCounts(shared.id()))
                    .containsExactly(Map.entry(ExecutionStatus.COMPLETED, (long) ROWS * FORKS.size()));
            assertThat(store.listExperiments()).hasSize(FORKS.size() + 1);
        }
    }

    private Process start(String url, String fork) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), StoreWriterChild.class.getName(), url, fork,
                Integer.toString(ROWS));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectError(log(fork).toFile()).start();
    }

    private Path log(String fork) {
        return directory.resolve(fork + ".log");
    }

    private static List<String> rowIds(ResultStore store, long experiment) {
        try (var runs = store.runs(experiment)) {
            return runs.map(RunRecord::rowId).collect(Collectors.toList());
        }
    }

    private static List<String> expectedRows(String prefix) {
        return IntStream.range(0, ROWS).mapToObj(i -> prefix + i).sorted().toList();
    }
}

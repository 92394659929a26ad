package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultStoresTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sqlite", " SQLite "})
    void defaultIsSqliteUnderTheProjectDirectory(String spec) {
        try (ResultStore store = ResultStores.open(spec, project)) {
            assertThat(store).isInstanceOf(JdbcResultStore.class);
            assertThat(((JdbcResultStore) store).location())
                    .isEqualTo(project.resolve(".evals4j/results.db").toAbsolutePath().toString());
        }
        assertThat(project.resolve(".evals4j/results.db")).isRegularFile();
    }

    @Test
    void noneKeepsResultsInMemory() {
        try (ResultStore store = ResultStores.open("none", project)) {
            assertThat(store).isInstanceOf(InMemoryResultStore.class);
            store.openExperiment("e", "S#m", Map.of(), null);
        }
        assertThat(project.resolve(".evals4j")).doesNotExist();
    }

    @Test
    void aJdbcUrlOpensThatDatabase() {
        Path file = project.resolve("shared.db");
        try (ResultStore store = ResultStores.open("jdbc:sqlite:" + file, project)) {
            assertThat(((JdbcResultStore) store).location()).isEqualTo(file.toString());
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void anythingElseIsAnErrorListingTheAllowedForms() {
        assertThatThrownBy(() -> ResultStores.open("postgres://db?password=hunter2", project))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("evals4j.storage=postgres://db?password=***")
                .hasMessageContaining("'sqlite'")
                .hasMessageContaining("'none'")
                .hasMessageContaining("JDBC URL");
    }
}

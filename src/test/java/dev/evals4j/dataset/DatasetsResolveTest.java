package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsResolveTest {

    private static final String RESOURCE = "dev/evals4j/dataset/classpath-qa.jsonl";

    @TempDir
    Path baseDir;

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void aClassPathSpecReadsTheResource() {
        DatasetSource source = Datasets.resolve("classpath:" + RESOURCE, loader, baseDir);

        assertThat(DatasetFiles.rows(source)).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("cp-1");
            assertThat(row.location()).isEqualTo(RESOURCE + ":1");
        });
        assertThat(source.description()).contains("from the class path");
        assertThat(source.fingerprint()).isPresent();
    }

    @Test
    void aPlainPathIsLookedUpOnTheClassPathFirstThenUnderTheBaseDirectory() throws IOException {
        Files.createDirectories(baseDir.resolve("dev/evals4j/dataset"));
        Files.writeString(baseDir.resolve(RESOURCE), "{\"id\": \"from-file\"}\n");
        Files.createDirectories(baseDir.resolve("datasets"));
        Files.writeString(baseDir.resolve("datasets/local.csv"), "id,q\nlocal,x\n");

        assertThat(DatasetFiles.rows(Datasets.resolve(RESOURCE, loader, baseDir)))
                .extracting(Row::id).containsExactly("cp-1");
        assertThat(DatasetFiles.rows(Datasets.resolve("datasets/local.csv", loader, baseDir)))
                .singleElement().satisfies(row -> {
                    assertThat(row.id()).isEqualTo("local");
                    assertThat(row.location()).isEqualTo("datasets/local.csv:2");
                });
    }

    @Test
    void aFileSpecTakesAbsoluteAndRelativePaths() throws IOException {
        Path file = Files.writeString(baseDir.resolve("abs.json"), "[{\"id\": \"abs\"}]");

        assertThat(DatasetFiles.rows(Datasets.resolve("file:" + file, loader, Path.of("/nowhere"))))
                .singleElement().satisfies(row -> assertThat(row.location()).isEqualTo(file + ":1"));
        assertThat(DatasetFiles.rows(Datasets.resolve("file:abs.json", loader, baseDir)))
                .singleElement().satisfies(row -> assertThat(row.location()).isEqualTo("abs.json:1"));
        assertThat(DatasetFiles.rows(Datasets.resolve(file.toUri().toString(), loader, Path.of("/nowhere"))))
                .extracting(Row::id).containsExactly("abs");
    }

    @Test
    void theExtensionChoosesTheFormatWhateverItsCase() throws IOException {
        Files.writeString(baseDir.resolve("upper.CSV"), "a\n1\n");

        assertThat(Datasets.resolve("upper.CSV", loader, baseDir).description()).startsWith("CSV upper.CSV");
    }

    @Test
    void aMissingFileNamesTheSpecWhereItLookedAndSuggestsTestResources() {
        assertThatThrownBy(() -> Datasets.resolve("datasets/missing.jsonl", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("Dataset 'datasets/missing.jsonl' not found")
                .hasMessageContaining("class path for the resource 'datasets/missing.jsonl'")
                .hasMessageContaining(baseDir.resolve("datasets/missing.jsonl").toString())
                .hasMessageContaining("src/test/resources/datasets/missing.jsonl");
        assertThatThrownBy(() -> Datasets.resolve("classpath:missing.csv", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no resource 'missing.csv' on the class path")
                .hasMessageContaining("src/test/resources/missing.csv");
        assertThatThrownBy(() -> Datasets.resolve("file:missing.json", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(baseDir.resolve("missing.json") + " does not exist");
    }

    @Test
    void anUnknownExtensionListsTheSupportedOnes() {
        assertThatThrownBy(() -> Datasets.resolve("datasets/qa.yaml", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("'datasets/qa.yaml' has an unsupported file extension")
                .hasMessageContaining("Supported: .jsonl, .ndjson, .json, .csv");
    }

    @Test
    void anEmptySpecSaysWhatToWrite() {
        assertThatThrownBy(() -> Datasets.resolve("  ", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("A dataset spec is empty")
                .hasMessageContaining("datasets/qa.jsonl");
    }

    @Test
    void aNameWithoutExtensionAsksTheProviderOfThatNameWithItsOptions() {
        DatasetSource source = Datasets.resolve("test-numbers?n=4&column=x", loader, baseDir);

        assertThat(DatasetFiles.rows(source)).extracting(row -> row.get("x")).containsExactly(0, 1, 2, 3);
        assertThat(DatasetFiles.rows(Datasets.resolve("test-numbers", loader, baseDir))).hasSize(3);
    }

    @Test
    void anUnknownProviderListsTheProvidersFound() {
        assertThatThrownBy(() -> Datasets.resolve("gsm8k", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no dataset provider is named 'gsm8k'")
                .hasMessageContaining("Providers found: test-numbers")
                .hasMessageContaining("META-INF/services/dev.evals4j.api.spi.DatasetProvider");
    }

    @Test
    void badProviderOptionsAreNamed() {
        assertThatThrownBy(() -> Datasets.resolve("test-numbers?n", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("the option 'n' must be written key=value");
        assertThatThrownBy(() -> Datasets.resolve("test-numbers?n=many", loader, baseDir))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("must be a whole number, but was 'many'")
                .hasMessageContaining("Dataset provider 'test-numbers'")
                .hasMessageContaining("'test-numbers?n=many'");
    }

    @Test
    void aProviderMayHandOverAFileOrAClassPathResource() throws IOException {
        Path file = Files.writeString(baseDir.resolve("provided.jsonl"), "{\"id\": \"a\", \"q\": 1}\n");

        assertThat(DatasetFiles.rows(Datasets.resolve("test-numbers?file=" + file, loader, baseDir)))
                .extracting(Row::id).containsExactly("a");
        assertThat(DatasetFiles.rows(Datasets.resolve("test-numbers?resource=engine-test/qa.jsonl", loader, baseDir)))
                .isNotEmpty();
    }

    @Test
    void fromFileChoosesTheFormatAndRejectsMissingFiles() throws IOException {
        Path file = Files.writeString(baseDir.resolve("rows.ndjson"), "{\"a\": 1}\n");

        assertThat(DatasetFiles.rows(Datasets.fromFile(file))).hasSize(1);
        assertThatThrownBy(() -> Datasets.fromFile(baseDir.resolve("nope.csv")))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nope.csv");
    }

    @Test
    void aFileDeletedAfterResolvingFailsToOpenWithItsName() throws IOException {
        Path file = Files.writeString(baseDir.resolve("gone.jsonl"), "{}\n");
        DatasetSource source = Datasets.resolve("gone.jsonl", loader, baseDir);
        Files.delete(file);

        assertThatThrownBy(source::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("Cannot open dataset gone.jsonl")
                .hasMessageContaining("Check that it exists and is readable");
        assertThat(source.fingerprint()).isEmpty();
    }
}

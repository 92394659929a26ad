package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UniqueRowIds}: a row that repeats an earlier row's id is malformed and names both rows. */
class UniqueRowIdsTest {

    @TempDir
    Path directory;

    @Test
    void theSecondRowWithAnIdIsMalformedAndNamesBothLines() {
        DatasetSource source = new DatasetFiles(directory).write("qa.jsonl",
                "{\"id\":\"a\"}\n{\"id\":\"b\"}\n\n{\"id\":\"a\"}\n{\"id\":\"a\"}\n");

        List<DatasetEntry> entries = readAll(source);

        assertThat(entries).extracting(DatasetEntry::location)
                .containsExactly("qa.jsonl:1", "qa.jsonl:2", "qa.jsonl:4", "qa.jsonl:5");
        assertThat(entries.subList(0, 2)).allMatch(Row.class::isInstance);
        assertThat(entries.subList(2, 4)).allSatisfy(entry -> assertThat(entry).isInstanceOfSatisfying(
                MalformedEntry.class, malformed -> assertThat(malformed.message())
                        .contains("'a'").contains("qa.jsonl:1").contains("give every row its own id")));
    }

    @Test
    void csvAndJsonArrayDatasetsNameTheirLines() {
        DatasetFiles files = new DatasetFiles(directory);

        assertThat(malformedMessages(files.write("qa.csv", "id,q\nx,1\ny,2\nx,3\n")))
                .singleElement().asString().contains("'x'").contains("qa.csv:2");
        assertThat(malformedMessages(files.write("qa.json", "[\n{\"id\":\"x\"},\n{\"id\":\"x\"}\n]\n")))
                .singleElement().asString().contains("'x'").contains("qa.json:2");
    }

    @Test
    void aMethodsRowsNameTheirElementIndexes() {
        DatasetSource source = Datasets.fromObjects(() -> Stream.of(Map.of("id", "m"), Map.of("id", "n"),
                Map.of("id", "m")), "Evals.rows()");

        List<DatasetEntry> entries = readAll(source);

        assertThat(entries.get(2)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> {
            assertThat(malformed.location()).isEqualTo("Evals.rows()[2]");
            assertThat(malformed.message()).contains("'m'").contains("Evals.rows()[0]");
        });
    }

    @Test
    void rowsWithoutAnIdColumnClashWithAnExplicitIdEqualToTheirIndex() {
        DatasetSource source = Datasets.fromObjects(() -> Stream.of(Map.of("q", "x"), Map.of("id", "0")), "rows()");

        assertThat(readAll(source).get(1)).isInstanceOfSatisfying(MalformedEntry.class,
                malformed -> assertThat(malformed.message()).contains("'0'").contains("rows()[0]"));
    }

    @Test
    void idsThatOnlyShareAFingerprintAreNotDuplicates() {
        AtomicInteger opened = new AtomicInteger();
        DatasetSource source = Datasets.fromObjects(() -> {
            opened.incrementAndGet();
            return Stream.of("a", "b", "c", "b", "a", "c", "a").map(id -> Map.of("id", id));
        }, "rows()");

        List<DatasetEntry> entries;
        try (Stream<DatasetEntry> stream = UniqueRowIds.open(source, id -> 42L)) {
            entries = stream.toList();
        }

        assertThat(entries.subList(0, 3)).allMatch(Row.class::isInstance);
        assertThat(entries.subList(3, 7)).allMatch(MalformedEntry.class::isInstance);
        assertThat(((MalformedEntry) entries.get(3)).message()).contains("'b'").contains("rows()[1]");
        assertThat(((MalformedEntry) entries.get(4)).message()).contains("'a'").contains("rows()[0]");
        assertThat(((MalformedEntry) entries.get(5)).message()).contains("'c'").contains("rows()[2]");
        assertThat(((MalformedEntry) entries.get(6)).message()).contains("'a'").contains("rows()[0]");
        assertThat(opened).as("one pass, plus one extra read per id whose fingerprint came again").hasValue(1 + 3);
    }

    @Test
    void uniqueIdsAreReadInOnePass() {
        AtomicInteger opened = new AtomicInteger();
        DatasetSource source = Datasets.fromObjects(() -> {
            opened.incrementAndGet();
            return IntStream.range(0, 5_000).mapToObj(i -> Map.of("id", "r" + i));
        }, "rows()");

        assertThat(readAll(source)).hasSize(5_000).allMatch(Row.class::isInstance);
        assertThat(opened).hasValue(1);
    }

    @Test
    void fingerprintsGrowPastTheirFirstTableAndTellEveryIdApart() {
        IdFingerprints fingerprints = new IdFingerprints();

        for (int i = 0; i < 100_000; i++) {
            assertThat(fingerprints.add(IdFingerprints.of("row-" + i))).isTrue();
        }

        assertThat(fingerprints.size()).isEqualTo(100_000);
        assertThat(fingerprints.add(IdFingerprints.of("row-99999"))).isFalse();
        assertThat(fingerprints.add(0L)).isTrue();
        assertThat(fingerprints.add(0L)).isFalse();
    }

    private static List<DatasetEntry> readAll(DatasetSource source) {
        try (Stream<DatasetEntry> entries = UniqueRowIds.open(source)) {
            return entries.toList();
        }
    }

    private static List<String> malformedMessages(DatasetSource source) {
        return readAll(source).stream().filter(MalformedEntry.class::isInstance)
                .map(e -> ((MalformedEntry) e).message()).toList();
    }
}

package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {

    @TempDir
    java.nio.file.Path directory;

    private DatasetFiles files;

    @BeforeEach
    void setUp() {
        files = new DatasetFiles(directory);
    }

    @Test
    void readsOneRowPerLineWithColumnsInOrderAndJsonTypes() {
        DatasetSource source = files.write("qa.jsonl", """
                {"question": "2+2?", "answer": 4, "tags": ["math"], "meta": {"level": 1}, "hard": false}
                {"question": "capital of France?", "answer": "Paris", "tags": [], "meta": null, "hard": true}
                """);

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(2).allMatch(Row.class::isInstance);
        Row first = (Row) entries.get(0);
        assertThat(first.columnNames()).containsExactly("question", "answer", "tags", "meta", "hard");
        assertThat(first.get("answer")).isEqualTo(4);
        assertThat(first.get("tags")).isEqualTo(List.of("math"));
        assertThat(first.get("meta")).isEqualTo(Map.of("level", 1));
        assertThat(first.location()).isEqualTo("qa.jsonl:1");
        assertThat(((Row) entries.get(1)).location()).isEqualTo("qa.jsonl:2");
    }

    @Test
    void idIsTheIdColumnWhenPresentElseTheIndex() {
        DatasetSource source = files.write("ids.jsonl", """
                {"id": "q-7", "question": "a"}
                {"question": "b"}
                {"id": 42, "question": "c"}
                {"id": null, "question": "d"}
                """);

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows).extracting(Row::id).containsExactly("q-7", "1", "42", "3");
        assertThat(rows.get(0).columnNames()).as("the id column is kept").containsExactly("id", "question");
    }

    @Test
    void malformedLinesNameFileAndLineAndTheOtherRowsAreStillRead() {
        DatasetSource source = files.write("broken.jsonl", """
                {"question": "one"}
                {"question": "two",
                [1, 2, 3]
                {"question": "four"} trailing
                {"question": "five"}
                """);

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).extracting(DatasetEntry::location)
                .containsExactly("broken.jsonl:1", "broken.jsonl:2", "broken.jsonl:3", "broken.jsonl:4", "broken.jsonl:5");
        assertThat(entries).extracting(DatasetEntry::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(entries.get(0)).isInstanceOf(Row.class);
        assertThat(entries.get(1)).isInstanceOfSatisfying(MalformedEntry.class,
                malformed -> assertThat(malformed.message()).startsWith("invalid JSON at column"));
        assertThat(entries.get(2)).isInstanceOfSatisfying(MalformedEntry.class,
                malformed -> assertThat(malformed.message()).contains("expected a JSON object, found an array"));
        assertThat(entries.get(3)).isInstanceOf(MalformedEntry.class);
        assertThat(entries.get(4)).isInstanceOfSatisfying(Row.class, row -> assertThat(row.get("question")).isEqualTo("five"));
    }

    @Test
    void blankLinesAreSkippedButCountForLineNumbers() {
        DatasetSource source = files.write("blank.jsonl", "\n{\"a\": 1}\n   \n\n{\"a\": 2}\n\n");

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows).extracting(Row::location).containsExactly("blank.jsonl:2", "blank.jsonl:5");
        assertThat(rows).extracting(Row::index).containsExactly(0L, 1L);
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        DatasetSource source = files.write("bom.jsonl", "\uFEFF{\"id\": \"x\", \"a\": 1}\n");

        assertThat(DatasetFiles.rows(source)).singleElement()
                .satisfies(row -> assertThat(row.columnNames()).containsExactly("id", "a"));
    }

    @Test
    void ndjsonIsTheSameFormatAndEveryOpenIsAFreshPass() {
        DatasetSource source = files.write("qa.ndjson", "{\"a\": 1}\n{\"a\": 2}\n");

        assertThat(DatasetFiles.rows(source)).hasSize(2);
        assertThat(DatasetFiles.rows(source)).hasSize(2);
        assertThat(source.description()).startsWith("JSON Lines qa.ndjson at ");
        assertThat(source.fingerprint()).hasValueSatisfying(value -> assertThat(value).startsWith("size=18;"));
    }
}

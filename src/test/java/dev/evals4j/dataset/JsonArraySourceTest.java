package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonArraySourceTest {

    @TempDir
    Path directory;

    private DatasetFiles files;

    @BeforeEach
    void setUp() {
        files = new DatasetFiles(directory);
    }

    @Test
    void readsEachObjectOfTheArrayWithTheLineItStartsOn() {
        DatasetSource source = files.write("qa.json", """
                [
                  {"id": "a", "question": "one"},
                  {
                    "question": "two",
                    "answer": [1, {"x": 2}]
                  }
                ]
                """);

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows).extracting(Row::id).containsExactly("a", "1");
        assertThat(rows).extracting(Row::location).containsExactly("qa.json:2", "qa.json:3");
        assertThat(rows.get(1).get("answer")).isEqualTo(List.of(1, java.util.Map.of("x", 2)));
    }

    @Test
    void aNonObjectElementIsMalformedAndTheNextElementsAreRead() {
        DatasetSource source = files.write("mixed.json", """
                [{"a": 1},
                 "not an object",
                 [1, [2]],
                 {"a": 4}]
                """);

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(4);
        assertThat(entries.get(1)).isEqualTo(new MalformedEntry(1, "mixed.json:2",
                "array element 1 is a string, expected a JSON object"));
        assertThat(entries.get(2)).isEqualTo(new MalformedEntry(2, "mixed.json:3",
                "array element 2 is an array, expected a JSON object"));
        assertThat(entries.get(3)).isInstanceOfSatisfying(Row.class, row -> assertThat(row.index()).isEqualTo(3));
    }

    @Test
    void aTruncatedFileEndsWithAMalformedEntryAtTheEnd() {
        DatasetSource source = files.write("truncated.json", "[\n{\"a\": 1},\n{\"a\": 2},\n{\"a\": ");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(3);
        assertThat(entries.subList(0, 2)).allMatch(Row.class::isInstance);
        assertThat(entries.get(2)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> {
            assertThat(malformed.location()).isEqualTo("truncated.json:4");
            assertThat(malformed.message()).startsWith("the file ends before the array is closed; it may be truncated");
        });
    }

    @Test
    void aFileThatStopsBetweenElementsSaysTheArrayIsNotClosed() {
        DatasetSource source = files.write("unclosed.json", "[\n{\"a\": 1},\n");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).isInstanceOfSatisfying(MalformedEntry.class,
                malformed -> assertThat(malformed.message()).startsWith("the file ends before the array is closed"));
    }

    @Test
    void aSyntaxErrorInsideTheArrayStopsReadingAtItsLocation() {
        DatasetSource source = files.write("syntax.json", "[{\"a\": 1},\n{\"a\" 2},\n{\"a\": 3}]");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).location()).isEqualTo("syntax.json:2");
        assertThat(((MalformedEntry) entries.get(1)).message()).contains("column");
    }

    @Test
    void contentAfterTheArrayIsMalformed() {
        DatasetSource source = files.write("trailing.json", "[{\"a\": 1}]\n{\"b\": 2}");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).isEqualTo(new MalformedEntry(1, "trailing.json:2",
                "unexpected content after the closing ']' of the array: an object"));
    }

    @Test
    void aByteOrderMarkAndAnEmptyArrayAreFine() {
        assertThat(DatasetFiles.readAll(files.write("empty.json", "\uFEFF [ ] "))).isEmpty();
        assertThat(DatasetFiles.rows(files.write("bom.json", "\uFEFF[{\"a\": 1}]"))).hasSize(1);
    }

    @Test
    void aFileThatIsNotJsonCannotBeOpenedAndTheMessageSaysWhere() {
        DatasetSource source = files.write("garbage.json", "\n  oops");

        assertThatThrownBy(source::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("Cannot read dataset garbage.json")
                .hasMessageContaining("invalid JSON at column 3")
                .hasMessageContaining("on line 2");
    }

    @Test
    void aTopLevelObjectCannotBeOpenedAndTheMessageSuggestsJsonLines() {
        DatasetSource source = files.write("object.json", "{\"a\": 1}");

        assertThatThrownBy(source::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("object.json")
                .hasMessageContaining("must hold a top-level JSON array of objects, but it holds an object")
                .hasMessageContaining(".jsonl");
    }
}

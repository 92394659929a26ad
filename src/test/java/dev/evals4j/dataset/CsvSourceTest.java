package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

    @TempDir
    Path directory;

    private DatasetFiles files;

    @BeforeEach
    void setUp() {
        files = new DatasetFiles(directory);
    }

    @Test
    void readsRecordsAsStringColumnsNamedByTheHeader() {
        DatasetSource source = files.write("qa.csv", """
                question, answer ,points
                "Capital of France, please?",Paris,3
                2+2?,4,
                """);

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).columnNames()).containsExactly("question", "answer", "points");
        assertThat(rows.get(0).columns()).containsEntry("question", "Capital of France, please?")
                .containsEntry("points", "3");
        assertThat(rows.get(1).get("points")).isEqualTo("");
        assertThat(rows).extracting(Row::id).containsExactly("0", "1");
        assertThat(rows).extracting(Row::location).containsExactly("qa.csv:2", "qa.csv:3");
    }

    @Test
    void theIdColumnIsTheRowIdAndIsKept() {
        DatasetSource source = files.write("ids.csv", "id,text\nalpha,a\nbeta,b\n");

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows).extracting(Row::id).containsExactly("alpha", "beta");
        assertThat(rows.get(0).columnNames()).containsExactly("id", "text");
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsMalformedAndNamesItsLine() {
        DatasetSource source = files.write("fields.csv", "a,b\n1,2\n1,2,3\n4\n5,6\n");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(4);
        assertThat(entries.get(1)).isEqualTo(new MalformedEntry(1, "fields.csv:3",
                "expected 2 fields [a, b] but found 3; quote values that contain commas"));
        assertThat(entries.get(2)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> {
            assertThat(malformed.location()).isEqualTo("fields.csv:4");
            assertThat(malformed.message()).contains("found 1");
        });
        assertThat(entries.get(3)).isInstanceOfSatisfying(Row.class, row -> assertThat(row.get("b")).isEqualTo("6"));
    }

    @Test
    void emptyLinesAreSkippedAndAQuotedValueMaySpanLines() {
        DatasetSource source = files.write("multi.csv", "a,b\n\n\"line one\nline two\",x\n\n3,y\n");

        List<Row> rows = DatasetFiles.rows(source);

        assertThat(rows).extracting(row -> row.get("a")).containsExactly("line one\nline two", "3");
        assertThat(rows).extracting(Row::location).containsExactly("multi.csv:3", "multi.csv:6");
    }

    @Test
    void aByteOrderMarkDoesNotBecomePartOfTheFirstColumnName() {
        DatasetSource source = files.write("bom.csv", "\uFEFFid,text\n1,a\n");

        assertThat(DatasetFiles.rows(source)).singleElement().satisfies(row -> {
            assertThat(row.columnNames()).containsExactly("id", "text");
            assertThat(row.id()).isEqualTo("1");
        });
    }

    @Test
    void anUnclosedQuoteEndsTheDatasetWithAMalformedEntry() {
        DatasetSource source = files.write("quote.csv", "a,b\n1,2\n\"open,3\n");

        List<DatasetEntry> entries = DatasetFiles.readAll(source);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(1)).isInstanceOfSatisfying(MalformedEntry.class, malformed -> {
            assertThat(malformed.location()).startsWith("quote.csv:");
            assertThat(malformed.message()).startsWith("invalid CSV: ").endsWith("the rest of the file is not read");
        });
    }

    @Test
    void anEmptyFileOrABadHeaderCannotBeOpened() {
        assertThatThrownBy(files.write("empty.csv", "")::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("is empty");
        assertThatThrownBy(files.write("duplicate.csv", "a,b,a\n1,2,3\n")::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("duplicate.csv")
                .hasMessageContaining("a duplicate 'a' column name");
        assertThatThrownBy(files.write("blank.csv", "a,,c\n1,2,3\n")::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("an empty column name");
    }
}

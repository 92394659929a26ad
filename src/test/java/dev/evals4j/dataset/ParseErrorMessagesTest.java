package dev.evals4j.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset's parse errors speak of the file, the line, the column and what was found, never of
 * the parser's internals (character codes, its source description, its feature names, its types).
 */
class ParseErrorMessagesTest {

    /** Fragments of Jackson's own wording that a user cannot act on. */
    private static final List<String> PARSER_INTERNALS = List.of("(code ", "[Source:", "REDACTED",
            "StreamReadFeature", "DeserializationFeature", "FAIL_ON_", "`", "LinkedHashMap", "JsonNode",
            "START_OBJECT", "end-of-input");

    @TempDir
    Path directory;

    private DatasetFiles files;

    @BeforeEach
    void setUp() {
        files = new DatasetFiles(directory);
    }

    @Test
    void aMalformedJsonLinesLineNamesTheTokenAndTheColumn() {
        DatasetSource source = files.write("qa.jsonl", """
                {"question": "one"}
                {"question": x}
                """);

        MalformedEntry malformed = malformed(DatasetFiles.readAll(source).get(1));

        assertThat(malformed.location()).isEqualTo("qa.jsonl:2");
        assertThat(malformed.message()).isEqualTo("invalid JSON at column 14: unrecognized token 'x'; expected a JSON value");
    }

    @Test
    void otherJsonLinesMistakesAreWordedPlainly() {
        DatasetSource source = files.write("mistakes.jsonl", """
                {"question": "one"} {"question": "two"}
                {"question": tru}
                {"question": "open
                {"question": "one",}
                {"question": "one"
                {question: "one"}
                """);

        List<String> messages = DatasetFiles.readAll(source).stream().map(ParseErrorMessagesTest::malformed)
                .map(MalformedEntry::message).toList();

        assertThat(messages).containsExactly(
                "invalid JSON at column 21: unexpected content after the value",
                "invalid JSON at column 14: unrecognized token 'tru'; expected a JSON value",
                "invalid JSON at column 19: unexpected end of input; expected closing quote for a string value",
                "invalid JSON at column 20: unexpected character '}'; expected a double quote to start a field name",
                "invalid JSON at column 19: unexpected end of input; expected the closing '}' of an object",
                "invalid JSON at column 2: unexpected character 'q'; expected a double quote to start a field name");
        messages.forEach(message -> assertThat(message).doesNotContain(PARSER_INTERNALS));
    }

    @Test
    void aSyntaxErrorInsideAJsonArrayNamesTheCharacterTheLineAndTheColumn() {
        DatasetSource source = files.write("qa.json", """
                [
                  {"question": "one"},
                  {"question": 'two'}
                ]
                """);

        MalformedEntry malformed = malformed(DatasetFiles.readAll(source).get(1));

        assertThat(malformed.location()).isEqualTo("qa.json:3");
        assertThat(malformed.message()).isEqualTo("invalid JSON at column 16: unexpected character '''; expected a"
                + " JSON value; the rest of the file is not read");
    }

    @Test
    void aTruncatedJsonArraySaysSoWithoutTheParsersWords() {
        DatasetSource source = files.write("cut.json", """
                [
                  {"question": "one"},
                  {"question": "tw""");

        MalformedEntry malformed = malformed(DatasetFiles.readAll(source).get(1));

        assertThat(malformed.message()).startsWith("the file ends before the array is closed; it may be truncated")
                .doesNotContain(PARSER_INTERNALS);
    }

    @Test
    void aJsonFileThatCannotBeOpenedNamesTheTokenLineAndColumn() {
        DatasetSource source = files.write("garbage.json", "\n  oops");

        assertThatThrownBy(source::open)
                .isInstanceOf(DatasetException.class)
                .hasMessage("Cannot read dataset garbage.json (at " + directory.resolve("garbage.json") + "): invalid"
                        + " JSON at column 3: unrecognized token 'oops'; expected a JSON value on line 2. It must"
                        + " hold a top-level JSON array of objects.")
                .message().doesNotContain(PARSER_INTERNALS);
    }

    @Test
    void anUnclosedCsvQuoteIsWordedWithoutTheParsersWords() {
        DatasetSource source = files.write("quote.csv", "a,b\n1,2\n\"open,3\n");

        MalformedEntry malformed = malformed(DatasetFiles.readAll(source).get(1));

        assertThat(malformed.location()).as("where the parser found the end of the file").isEqualTo("quote.csv:4");
        assertThat(malformed.message()).isEqualTo("invalid CSV: missing closing quote for value; the rest of the"
                + " file is not read");
    }

    @Test
    void aCsvHeaderThatCannotBeReadSaysWhyWithoutTheParsersWords() {
        DatasetSource source = files.write("header.csv", "a,\"b\n1,2\n");

        assertThatThrownBy(source::open)
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("Cannot read the header of CSV dataset header.csv")
                .message().contains("missing closing quote for value").doesNotContain(PARSER_INTERNALS);
    }

    private static MalformedEntry malformed(DatasetEntry entry) {
        assertThat(entry).isInstanceOf(MalformedEntry.class);
        return (MalformedEntry) entry;
    }
}

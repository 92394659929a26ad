package dev.evals4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorsTest {

    @Nested
    class ExactMatch {

        @Test
        void comparesTextExactly() {
            assertThat(Evaluators.exactMatch("Paris", "Paris")).isEqualTo(Score.pass("exact_match"));
            assertThat(Evaluators.exactMatch(4, "4").passed()).as("dataset numbers compare by text").isTrue();
            assertThat(Evaluators.exactMatch("paris", "Paris"))
                    .isEqualTo(Score.fail("exact_match", "expected 'Paris' but was 'paris'"));
            assertThat(Evaluators.exactMatch("Paris ", "Paris").passed()).isFalse();
        }

        @Test
        void aNullOutputFails() {
            assertThat(Evaluators.exactMatch(null, "x")).isEqualTo(Score.fail("exact_match", "the output is null"));
        }

        @Test
        void longValuesAreCutInTheDetail() {
            String longOutput = "x".repeat(1000) + "\nend";

            String detail = Evaluators.exactMatch(longOutput, "y").detail();

            assertThat(detail).contains("... (1004 chars)").hasSizeLessThan(300).doesNotContain("\n");
        }
    }

    @Nested
    class NormalizedMatch {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "The Eiffel Tower.|the eiffel tower",
            "  New   York  |new york",
            "\"Paris!\"|paris",
            "It's 3.5 m|its 3.5 m",
            "ｆｕｌｌ width|full width",
        })
        void ignoresCaseWhitespacePunctuationAndTheTrailingPeriod(String actual, String expected) {
            assertThat(Evaluators.normalizedMatch(actual, expected)).isEqualTo(Score.pass("normalized_match"));
        }

        @Test
        void punctuationBetweenDigitsIsKept() {
            assertThat(Evaluators.normalizedMatch("3.5", "35").passed()).isFalse();
        }

        @Test
        void aMismatchShowsBothSidesAndTheirNormalizedForms() {
            assertThat(Evaluators.normalizedMatch("London.", "Paris").detail())
                    .isEqualTo("expected 'Paris' but was 'London.' (normalized: 'paris' vs 'london')");
            assertThat(Evaluators.normalizedMatch(null, "Paris").passed()).isFalse();
        }
    }

    @Nested
    class NumericMatch {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "The answer is 72.|72",
            "She has 5 apples, then 3 more: 8|8",
            "Total: 1,234|1234",
            "It costs $12.50|12.5",
            "The temperature is -3 degrees|-3",
            "It costs -$4|-4",
            "about .5 of it|0.5",
            "pages 5-3|3",
            "Step 1: 2+2=4. #### 4|#### 4",
            "0.1 + 0.2 = 0.30000000000000004|0.3",
        })
        void takesTheLastNumberOfTheOutput(String actual, String expected) {
            assertThat(Evaluators.numericMatch(actual, expected)).isEqualTo(Score.pass("numeric_match"));
        }

        @Test
        void acceptsNumbersOnEitherSide() {
            assertThat(Evaluators.numericMatch("= 42", 42).passed()).isTrue();
            assertThat(Evaluators.numericMatch(42.0, 42L).passed()).isTrue();
            assertThat(Evaluators.numericMatch("= 1e3", 3).passed()).as("no scientific notation: 3 is the last").isTrue();
        }

        @Test
        void aWrongNumberNamesBothNumbers() {
            assertThat(Evaluators.numericMatch("I think 71 apples", "72").detail())
                    .isEqualTo("expected 72 but the last number in the output is 71: 'I think 71 apples'");
        }

        @Test
        void anOutputWithoutANumberFails() {
            assertThat(Evaluators.numericMatch("I do not know", 3).detail())
                    .isEqualTo("expected 3 but the output holds no number: 'I do not know'");
            assertThat(Evaluators.numericMatch(null, 3).passed()).isFalse();
        }

        @Test
        void anExplicitToleranceIsAbsolute() {
            assertThat(Evaluators.numericMatch("3.14", Math.PI, 0.01).passed()).isTrue();
            assertThat(Evaluators.numericMatch("3.14", Math.PI, 0.001).passed()).isFalse();
            assertThat(Evaluators.numericMatch("3.14", Math.PI).passed()).isFalse();
            assertThatThrownBy(() -> Evaluators.numericMatch("1", 1, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tolerance");
        }

        @Test
        void anExpectedValueWithoutANumberIsADatasetError() {
            assertThatThrownBy(() -> Evaluators.numericMatch("4", "four"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The expected value 'four' of numeric_match holds no number");
        }
    }

    @Nested
    class ContainsAndRegex {

        @Test
        void containsIsCaseSensitive() {
            assertThat(Evaluators.contains("The capital is Paris.", "Paris")).isEqualTo(Score.pass("contains"));
            assertThat(Evaluators.contains("The capital is paris.", "Paris").detail())
                    .isEqualTo("expected the output to contain 'Paris' but it was 'The capital is paris.'");
            assertThat(Evaluators.contains(null, "Paris").passed()).isFalse();
        }

        @Test
        void regexFindsAMatchAnywhere() {
            assertThat(Evaluators.regex("answer: B", "\\b[A-D]$")).isEqualTo(Score.pass("regex"));
            assertThat(Evaluators.regex("ANSWER", Pattern.compile("answer", Pattern.CASE_INSENSITIVE)).passed()).isTrue();
            assertThat(Evaluators.regex("answer: E", "\\b[A-D]$").detail())
                    .isEqualTo("expected a match of /\\b[A-D]$/ in 'answer: E'");
            assertThat(Evaluators.regex(null, "x").passed()).isFalse();
        }

        @Test
        void anInvalidPatternIsAProgrammingError() {
            assertThatThrownBy(() -> Evaluators.regex("x", "(")).isInstanceOf(PatternSyntaxException.class);
        }
    }

    @Nested
    class ValidJson {

        @Test
        void acceptsAnyOneJsonValue() {
            assertThat(Evaluators.validJson(" {\"a\": [1, 2]} ")).isEqualTo(Score.pass("valid_json"));
            assertThat(Evaluators.validJson("42").passed()).isTrue();
            assertThat(Evaluators.validJson("\"text\"").passed()).isTrue();
        }

        @Test
        void rejectsBrokenEmptyAndTrailingContentSayingWhere() {
            assertThat(Evaluators.validJson("{\"a\": }").detail())
                    .startsWith("the output is not valid JSON at line 1, column 7: Unexpected character ('}'");
            assertThat(Evaluators.validJson("{} {}").passed()).isFalse();
            assertThat(Evaluators.validJson("Sure! {\"a\": 1}").passed()).isFalse();
            assertThat(Evaluators.validJson("  ").detail()).isEqualTo("the output is empty, not JSON");
            assertThat(Evaluators.validJson(null).passed()).isFalse();
        }
    }

    @Nested
    class JsonFieldEquals {

        private static final String JSON = """
                {"a": {"b": [{"c": "deep"}, {"c": 2}]}, "n": 42, "f": 0.5, "ok": true, "none": null,
                 "list": [1, 2], "obj": {"x": 1}}
                """;

        @Test
        void followsFieldNamesAndArrayIndexes() {
            assertThat(Evaluators.jsonFieldEquals(JSON, "a.b[0].c", "deep")).isEqualTo(Score.pass("json_field_equals"));
            assertThat(Evaluators.jsonFieldEquals("[{\"name\": \"x\"}]", "[0].name", "x").passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "a.b[1].c", 2).passed()).isTrue();
        }

        @Test
        void comparesNumbersByValueAlsoAgainstText() {
            assertThat(Evaluators.jsonFieldEquals(JSON, "n", 42).passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "n", "42").passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "n", 42.0).passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "f", "0.50").passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "n", 41).passed()).isFalse();
            assertThat(Evaluators.jsonFieldEquals(JSON, "n", "forty-two").passed()).isFalse();
        }

        @Test
        void comparesBooleansNullsAndContainers() {
            assertThat(Evaluators.jsonFieldEquals(JSON, "ok", true).passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "ok", "true").passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "none", null).passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "n", null).passed()).isFalse();
            assertThat(Evaluators.jsonFieldEquals(JSON, "none", "null").passed()).isFalse();
            assertThat(Evaluators.jsonFieldEquals(JSON, "list", List.of(1, 2)).passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "list", "[1.0, 2]").passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "obj", Map.of("x", 1)).passed()).isTrue();
            assertThat(Evaluators.jsonFieldEquals(JSON, "obj", Map.of("x", 2)).passed()).isFalse();
        }

        @Test
        void aMismatchShowsTheExpectedAndTheFoundValue() {
            assertThat(Evaluators.jsonFieldEquals(JSON, "a.b[0].c", "shallow").detail())
                    .isEqualTo("expected 'shallow' at 'a.b[0].c' but found '\"deep\"'");
        }

        @Test
        void aMissingPathSaysWhereItStops() {
            assertThat(Evaluators.jsonFieldEquals(JSON, "a.x", 1).detail())
                    .isEqualTo("no value at 'a.x': field 'x' is missing in the object at 'a' (fields: [b])");
            assertThat(Evaluators.jsonFieldEquals(JSON, "a.b[5].c", 1).detail())
                    .isEqualTo("no value at 'a.b[5].c': index 5 is out of bounds of the array at 'a.b' (size 2)");
            assertThat(Evaluators.jsonFieldEquals(JSON, "n.x", 1).detail())
                    .isEqualTo("no value at 'n.x': 'n' is a number, not an object with field 'x'");
            assertThat(Evaluators.jsonFieldEquals(JSON, "a[0]", 1).detail())
                    .isEqualTo("no value at 'a[0]': 'a' is an object, not an array");
        }

        @Test
        void anOutputThatIsNotJsonFails() {
            assertThat(Evaluators.jsonFieldEquals("not json", "a", 1).detail()).startsWith("the output is not valid JSON");
            assertThat(Evaluators.jsonFieldEquals(null, "a", 1).passed()).isFalse();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"''", "a..b", "a.", ".a", "a[x]", "a[0", "a]b", "a[0]b"})
        void aMalformedPathIsAProgrammingError(String path) {
            assertThatThrownBy(() -> Evaluators.jsonFieldEquals(JSON, path, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid JSON field path '" + path + "'");
        }
    }
}

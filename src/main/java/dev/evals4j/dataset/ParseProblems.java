package dev.evals4j.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a parse problem the way a user reads it: Jackson's own description of what it found, without
 * its internals (character codes, its description of the input source, its feature and type names).
 * The caller adds the file, the line and the column. Stateless and thread-safe.
 *
 * <p>A description Jackson words differently in another version loses only the rewrites that no
 * longer match; the source description and character codes are removed whatever the words around them.
 */
final class ParseProblems {

    /** One rewrite of Jackson's words, applied in order. */
    private record Rewrite(Pattern pattern, String replacement) {

        static Rewrite of(String regex, String replacement) {
            return new Rewrite(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final List<Rewrite> REWRITES = List.of(
            // "Trailing token (of type START_OBJECT) found after value (bound as `...JsonNode`): not allowed as per `...`"
            Rewrite.of("^Trailing token .*$", "unexpected content after the value"),
            // " (start marker at [Source: REDACTED (...); line: 1, column: 1])", " (for Object starting at [Source: ...])"
            Rewrite.of(" \\([^()\\[]*\\[Source: .*$", ""),
            // "('x' (code 120))" and "((CTRL-CHAR, code 9))"
            Rewrite.of("\\(('.+?') \\(code [^)]*\\)\\)", "$1"),
            Rewrite.of("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)", "(control character $1)"),
            Rewrite.of("(?:was expecting|expected a valid value) \\(JSON String, Number, Array, Object or token"
                    + " 'null', 'true' or 'false'\\)", "expected a JSON value"),
            Rewrite.of("expected close marker for Object", "expected the closing '}' of an object"),
            Rewrite.of("expected close marker for Array", "expected the closing ']' of an array"),
            Rewrite.of("double-quote to start field name", "a double quote to start a field name"),
            Rewrite.of("was expecting ", "expected "),
            Rewrite.of("end-of-input", "end of input"));

    /** The first ": " separates what was found from what was expected. */
    private static final Pattern SEPARATOR = Pattern.compile(": (\\p{Alpha})");

    private ParseProblems() {}

    /** "unexpected character 'x'; expected a JSON value", from Jackson's description of {@code e}. */
    static String describe(JsonProcessingException e) {
        String text = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
        for (Rewrite rewrite : REWRITES) {
            text = rewrite.apply(text);
        }
        Matcher separator = SEPARATOR.matcher(text);
        if (separator.find()) {
            text = text.substring(0, separator.start()) + "; "
                    + separator.group(1).toLowerCase(Locale.ROOT) + text.substring(separator.end());
        }
        return text.isEmpty() ? "a syntax error" : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}

package dev.evals4j.api;

/** Quotes values for score details: on one line, and cut when long. Stateless. */
final class Excerpt {

    /** The longest excerpt a detail quotes, in characters. */
    static final int MAX_LENGTH = 200;

    private Excerpt() {}

    /** {@code 'text'} with line breaks shown as {@code \n}, cut to {@link #MAX_LENGTH} characters. */
    static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        String cut = text.length() <= MAX_LENGTH
                ? text
                : text.substring(0, MAX_LENGTH) + "... (" + text.length() + " chars)";
        return "'" + cut.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}

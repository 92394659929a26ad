package dev.evals4j.api;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the last number in a text, as a model's final answer usually is: {@code -3},
 * {@code 1,234}, {@code $12.50}, {@code 0.5}, {@code .5}; a trailing period ends the number. A minus
 * sign right after a letter or digit is a hyphen ({@code 5-3} holds 5 and 3). Stateless.
 */
final class NumberExtractor {

    private static final Pattern NUMBER = Pattern.compile(
            "-?\\$?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)");

    private NumberExtractor() {}

    /** The last number in {@code text}, or empty when it has none. */
    static Optional<BigDecimal> lastNumber(CharSequence text) {
        Matcher matcher = NUMBER.matcher(text);
        String last = null;
        int start = -1;
        while (matcher.find()) {
            last = matcher.group();
            start = matcher.start();
        }
        if (last == null) {
            return Optional.empty();
        }
        boolean hyphen = last.startsWith("-") && start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
        String digits = last.replace("$", "").replace(",", "");
        return Optional.of(new BigDecimal(hyphen ? digits.substring(1) : digits));
    }
}

package dev.evals4j.engine.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of evals4j, used by every key and attribute that takes a duration
 * ({@code evals4j.timeout}, {@code evals4j.shutdownGrace}, {@code evals4j.retry.wait},
 * {@code @ForEach(timeout)}): a whole number followed by {@code ms}, {@code s}, {@code m} or {@code h}
 * ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}), or ISO-8601 ({@code PT30S}). Stateless.
 */
final class Durations {

    /** What {@link #parse(String)} accepts, for error messages. */
    public static final String SYNTAX = "a positive duration such as 500ms, 30s, 2m, 1h or PT30S";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h)");

    private Durations() {}

    /** The positive duration {@code text} denotes, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        return parseNonNegative(text).filter(d -> !d.isZero());
    }

    /** The duration of zero or more that {@code text} denotes, or empty when it is not one. */
    public static Optional<Duration> parseNonNegative(String text) {
        String trimmed = text.trim();
        Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration result;
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                result = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                result = Duration.parse(trimmed);
            }
        } catch (DateTimeParseException | ArithmeticException notADuration) {
            return Optional.empty();
        }
        return result.isNegative() ? Optional.empty() : Optional.of(result);
    }

    /** {@code duration} in the short form {@link #parse} reads back: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}

package dev.evals4j.engine.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users write in annotations and configuration: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT30S}. */
public final class Durations {

    /** What {@link #parse(String)} accepts, for error messages. */
    public static final String SYNTAX = "a positive duration such as 500ms, 30s, 2m, 1h or PT30S";

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {}

    /** The positive duration {@code text} denotes, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(trimmed);
        Duration result;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            result = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                result = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return result.isNegative() || result.isZero() ? Optional.empty() : Optional.of(result);
    }
}

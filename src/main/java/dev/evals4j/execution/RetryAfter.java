package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The one reader of the wait a rate-limited HTTP answer asks for, used by the built-in failure
 * classifiers and by the simulator's client: {@code retry-after-ms} (milliseconds, OpenAI's header)
 * when present and valid, else {@code Retry-After} as (possibly fractional) seconds or as an HTTP date,
 * else {@code x-ratelimit-reset-requests} in OpenAI's format ({@code 1s}, {@code 6m0s}, {@code 120ms}).
 * Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetryAfter {

    private static final Pattern RESET_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private RetryAfter() {}

    /**
     * The wait named by the headers {@code firstValue} looks up (by lower-case name); empty if neither
     * header is present and readable.
     *
     * @param now the instant an HTTP date is measured from
     */
    public static Optional<Duration> fromHeaders(Function<String, Optional<String>> firstValue, Instant now) {
        Optional<Duration> millis = firstValue.apply("retry-after-ms").flatMap(value -> amount(value, 1e-3));
        if (millis.isPresent()) {
            return millis;
        }
        Optional<Duration> retryAfter = firstValue.apply("retry-after").flatMap(value -> parse(value, now));
        return retryAfter.isPresent() ? retryAfter
                : firstValue.apply("x-ratelimit-reset-requests").flatMap(RetryAfter::resetDuration);
    }

    /**
     * Parses OpenAI's {@code x-ratelimit-reset-*} value: amounts with the units {@code h}, {@code m},
     * {@code s} and {@code ms}, such as {@code 1s}, {@code 6m0s}, {@code 1.5s} or {@code 120ms}; empty for
     * anything else.
     */
    public static Optional<Duration> resetDuration(String value) {
        String text = value.strip();
        Matcher part = RESET_PART.matcher(text);
        double seconds = 0;
        int end = 0;
        while (part.find() && part.start() == end) {
            double amount = Double.parseDouble(part.group(1));
            seconds += switch (part.group(2)) {
                case "h" -> amount * 3600;
                case "m" -> amount * 60;
                case "ms" -> amount / 1000;
                default -> amount;
            };
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /**
     * Parses a {@code Retry-After} value: delay seconds (fractions tolerated) or an HTTP date, a date in
     * the past giving a zero wait; empty for anything else, negative numbers included.
     *
     * @param now the instant an HTTP date is measured from
     */
    public static Optional<Duration> parse(String value, Instant now) {
        Optional<Duration> seconds = amount(value, 1);
        return seconds.isPresent() ? seconds : httpDate(value, now);
    }

    /** A non-negative {@code amount × secondsPerUnit} seconds, as the decimal number {@code value} says. */
    private static Optional<Duration> amount(String value, double secondsPerUnit) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.round(amount * secondsPerUnit * 1e9)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> httpDate(String value, Instant now) {
        try {
            ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(now, when.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}

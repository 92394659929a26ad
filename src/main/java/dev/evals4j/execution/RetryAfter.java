package dev.evals4j.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The one reader of the wait a rate-limited HTTP answer asks for, used by the default
 * built-in failure classifiers and by the simulator's client: {@code retry-after-ms} (milliseconds,
 * OpenAI's header) when present and valid, else {@code Retry-After} as (possibly fractional) seconds or
 * as an HTTP date. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetryAfter {

    private RetryAfter() {}

    /**
     * The wait named by the headers {@code firstValue} looks up (by lower-case name); empty if neither
     * header is present and readable.
     *
     * @param now the instant an HTTP date is measured from
     */
    public static Optional<Duration> fromHeaders(Function<String, Optional<String>> firstValue, Instant now) {
        Optional<Duration> millis = firstValue.apply("retry-after-ms").flatMap(value -> amount(value, 1e-3));
        return millis.isPresent() ? millis : firstValue.apply("retry-after").flatMap(value -> parse(value, now));
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

package dev.evals4j.sim;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the wait a {@code 429} answer asks for: {@code retry-after-ms} (milliseconds, OpenAI's header)
 * when present and valid, else {@code Retry-After} as (possibly fractional) seconds or as an HTTP date.
 * Stateless.
 */
final class RetryAfterHeader {

    private RetryAfterHeader() {
    }

    /**
     * The wait named by {@code headers}; empty if neither header is present or readable. A date in the
     * past gives a zero wait.
     *
     * @param clock the clock an HTTP date is measured against
     */
    static Optional<Duration> parse(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms")
                .flatMap(value -> seconds(value, 1e-3));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(value -> {
            Optional<Duration> seconds = seconds(value, 1);
            return seconds.isPresent() ? seconds : httpDate(value, clock);
        });
    }

    private static Optional<Duration> seconds(String value, double secondsPerUnit) {
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

    private static Optional<Duration> httpDate(String value, Clock clock) {
        try {
            ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}

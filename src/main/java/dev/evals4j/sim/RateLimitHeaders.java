package dev.evals4j.sim;

import dev.evals4j.sim.SimulatorConfig.RateLimitHeader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Writes the wait of a {@code 429} in the headers a {@link SimulatorConfig} chose, each in the format
 * real providers use. Immutable and thread-safe.
 */
final class RateLimitHeaders {

    private static final long MILLIS_PER_SECOND = 1_000;
    private static final long MILLIS_PER_MINUTE = 60_000;

    private final Set<RateLimitHeader> headers;

    RateLimitHeaders(Set<RateLimitHeader> headers) {
        this.headers = Set.copyOf(headers);
    }

    /**
     * Writes the headers naming a wait of {@code millis}.
     *
     * @param now the instant an HTTP date counts from
     * @param header receives each header's name and value
     */
    void write(long millis, Instant now, BiConsumer<String, String> header) {
        if (headers.contains(RateLimitHeader.RETRY_AFTER_DATE)) {
            header.accept("Retry-After", httpDate(now, millis));
        } else if (headers.contains(RateLimitHeader.RETRY_AFTER_WHOLE_SECONDS)) {
            header.accept("Retry-After", wholeSeconds(millis));
        } else if (headers.contains(RateLimitHeader.RETRY_AFTER_SECONDS)) {
            header.accept("Retry-After", seconds(millis));
        }
        if (headers.contains(RateLimitHeader.RETRY_AFTER_MS)) {
            header.accept("retry-after-ms", Long.toString(millis));
        }
        if (headers.contains(RateLimitHeader.RESET_REQUESTS)) {
            header.accept("x-ratelimit-reset-requests", resetDuration(millis));
        }
    }

    /** {@code millis} as decimal seconds without trailing zeros: {@code 1.25}, {@code 2}. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    /** {@code millis} in whole seconds, rounded up: {@code 1} for 1 to 1000 ms, {@code 2} for 1001 ms. */
    static String wholeSeconds(long millis) {
        return Long.toString((millis + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND);
    }

    /** The HTTP date {@code millis} after {@code now}, rounded up to the next whole second. */
    static String httpDate(Instant now, long millis) {
        Instant due = now.plusMillis(millis);
        Instant rounded = due.getNano() == 0 ? due : due.plusSeconds(1).minusNanos(due.getNano());
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(rounded.atOffset(ZoneOffset.UTC));
    }

    /** {@code millis} in OpenAI's {@code x-ratelimit-reset-*} format: {@code 120ms}, {@code 1.5s}, {@code 6m0s}. */
    static String resetDuration(long millis) {
        if (millis < MILLIS_PER_SECOND) {
            return millis + "ms";
        }
        if (millis < MILLIS_PER_MINUTE) {
            return seconds(millis) + "s";
        }
        return millis / MILLIS_PER_MINUTE + "m" + seconds(millis % MILLIS_PER_MINUTE) + "s";
    }
}

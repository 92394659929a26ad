package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void prefersMillisecondsOverSeconds() {
        assertThat(parse(Map.of("retry-after-ms", "250", "Retry-After", "3"))).contains(Duration.ofMillis(250));
    }

    @Test
    void readsWholeAndFractionalSeconds() {
        assertThat(parse(Map.of("Retry-After", "3"))).contains(Duration.ofSeconds(3));
        assertThat(parse(Map.of("Retry-After", "0.125"))).contains(Duration.ofMillis(125));
    }

    @Test
    void readsAnHttpDateAgainstTheClock() {
        assertThat(parse(Map.of("Retry-After", "Wed, 01 Jan 2025 12:00:07 GMT"))).contains(Duration.ofSeconds(7));
        assertThat(parse(Map.of("Retry-After", "Wed, 01 Jan 2025 11:00:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void ignoresMissingAndUnreadableValues() {
        assertThat(parse(Map.of())).isEmpty();
        assertThat(parse(Map.of("Retry-After", "soon"))).isEmpty();
        assertThat(parse(Map.of("Retry-After", "-1"))).isEmpty();
        assertThat(parse(Map.of("retry-after-ms", "later", "Retry-After", "2"))).contains(Duration.ofSeconds(2));
    }

    private java.util.Optional<Duration> parse(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return RetryAfter.fromHeaders(HttpHeaders.of(multi, (name, value) -> true)::firstValue, clock.instant());
    }
}

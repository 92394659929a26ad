package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWritesForEveryKindOfFraction() {
        for (String text : new String[] {"2026-11-29T12:00:00Z", "2026-11-29T12:00:00.100Z",
                "2026-11-29T12:00:00.123456Z", "2026-11-29T12:00:00.000000001Z", "1969-12-31T23:59:59.999Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T07:08:09.010Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(InstantText.of(instant)).as(text).isEqualTo(instant.toString()).isEqualTo(text);
        }
    }

    @Test
    void agreesWithInstantToStringOnRandomInstantsAndFallsBackOutsideFourDigitYears() {
        SplittableRandom random = new SplittableRandom(20261129);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first - 1_000_000, end + 1_000_000), nanos);
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
        }
        assertThat(InstantText.of(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        assertThat(InstantText.of(Instant.MIN)).isEqualTo(Instant.MIN.toString());
    }
}

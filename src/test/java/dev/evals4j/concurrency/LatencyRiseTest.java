package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRiseTest {

    private static final int COHORT = 10;
    private static final int WINDOW = 20;

    @Test
    void theRecentMedianOverTheFirstCohortsIsTheRise() {
        LatencyRise rise = afterCohortOf(millis(500));

        recordLater(rise, millis(1_500));

        assertThat(rise.ratio()).isEqualTo(3.0);
    }

    @Test
    void aRiseOfMicrosecondsIsNoRiseHoweverLargeItsRatio() {
        LatencyRise rise = afterCohortOf(micros(20));

        recordLater(rise, micros(900));

        assertThat(rise.ratio()).isEqualTo(1.0);
    }

    @Test
    void aRiseOfAtLeastTheQueueingFloorCountsEvenFromMicroseconds() {
        LatencyRise rise = afterCohortOf(micros(20));

        recordLater(rise, micros(20) + LatencyRise.MIN_QUEUEING_NANOS);

        assertThat(rise.ratio()).isGreaterThan(200);
    }

    @Test
    void nothingIsARiseBeforeTheWindowIsFull() {
        LatencyRise rise = new LatencyRise(COHORT, WINDOW);
        for (int i = 0; i < COHORT; i++) {
            rise.record(0, millis(100), millis(100) + i);
        }

        assertThat(rise.ratio()).isEqualTo(1.0);
    }

    /** The cohort's calls all start at 0 and end at their latency; then the window fills with the same latency. */
    private static LatencyRise afterCohortOf(long latency) {
        LatencyRise rise = new LatencyRise(COHORT, WINDOW);
        for (int i = 0; i < COHORT; i++) {
            rise.record(0, latency, latency + i);
        }
        return rise;
    }

    /** Fills the window with calls started after the first success. */
    private static void recordLater(LatencyRise rise, long latency) {
        long start = millis(10_000);
        for (int i = 0; i < WINDOW; i++) {
            rise.record(start + i, latency, start + i + latency);
        }
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static long micros(long micros) {
        return TimeUnit.MICROSECONDS.toNanos(micros);
    }
}

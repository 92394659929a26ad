package dev.evals4j.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrencyTimelineTest {

    private static final long MS = 1_000_000L;

    @Test
    void eventsLandInTheirIntervalAndQuietIntervalsCarryTheStateBefore() {
        ConcurrencyTimeline timeline = new ConcurrencyTimeline(1_000 * MS);
        timeline.concurrency(1_010 * MS, 1, 4);
        timeline.attemptStarted(1_010 * MS);
        timeline.concurrency(1_020 * MS, 2, 4);
        timeline.attemptStarted(1_020 * MS);
        timeline.concurrency(1_100 * MS, 1, 4);
        timeline.rateLimited(1_100 * MS);
        timeline.admittedRate(1_100 * MS, 3.5);
        timeline.retried(1_800 * MS);
        timeline.concurrency(1_800 * MS, 0, 2);

        ConcurrencySeries series = timeline.series();

        assertThat(series.intervalSeconds()).isEqualTo(0.25);
        assertThat(series.points()).containsExactly(
                new ConcurrencyPoint(0, 2, 4, 3.5, 8, 0, 1),
                new ConcurrencyPoint(0.25, 1, 4, 3.5, 0, 0, 0),
                new ConcurrencyPoint(0.5, 1, 4, 3.5, 0, 0, 0),
                new ConcurrencyPoint(0.75, 1, 2, 3.5, 0, 1, 0));
        assertThat(series.rateLimited()).isEqualTo(1);
        assertThat(series.retries()).isEqualTo(1);
    }

    @Test
    void anUnpacedRateIsNull() {
        ConcurrencyTimeline timeline = new ConcurrencyTimeline(0);
        timeline.admittedRate(0, Double.POSITIVE_INFINITY);

        assertThat(timeline.series().points()).extracting(ConcurrencyPoint::admittedPerSecond).containsOnlyNulls();
    }

    @Test
    void aRunThatOutlastsTheIntervalsMergesThemInPairs() {
        ConcurrencyTimeline timeline = new ConcurrencyTimeline(0, 100, 4);
        timeline.concurrency(10, 3, 5);
        timeline.attemptStarted(10);
        timeline.concurrency(150, 1, 6);
        timeline.rateLimited(150);
        timeline.concurrency(250, 2, 7);
        timeline.retried(350);
        timeline.attemptStarted(450);

        ConcurrencySeries series = timeline.series();

        assertThat(series.intervalSeconds()).isEqualTo(200e-9);
        assertThat(series.points()).containsExactly(
                new ConcurrencyPoint(0, 3, 6, null, 1 / 200e-9, 0, 1),
                new ConcurrencyPoint(200e-9, 2, 7, null, 0, 1, 0),
                new ConcurrencyPoint(400e-9, 2, 7, null, 1 / 200e-9, 0, 0));
    }

    @Test
    void memoryStaysBoundedWhateverTheLengthOfTheRun() {
        ConcurrencyTimeline timeline = new ConcurrencyTimeline(0);
        long hour = 3_600_000 * MS;
        for (long t = 0; t <= hour; t += 10 * MS) {
            timeline.attemptStarted(t);
            timeline.concurrency(t, 1, 1);
        }

        ConcurrencySeries series = timeline.series();

        assertThat(series.points()).hasSizeLessThanOrEqualTo(ConcurrencyTimeline.DEFAULT_CAPACITY)
                .hasSizeGreaterThan(ConcurrencyTimeline.DEFAULT_CAPACITY / 2);
        assertThat(series.durationSeconds()).isGreaterThanOrEqualTo(3_600);
        assertThat(series.points().stream().mapToDouble(p -> p.startedPerSecond() * series.intervalSeconds()).sum())
                .isCloseTo(360_001, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void eventsBeforeTheStartCountInTheFirstInterval() {
        ConcurrencyTimeline timeline = new ConcurrencyTimeline(1_000);
        timeline.rateLimited(0);

        assertThat(timeline.series().points()).extracting(ConcurrencyPoint::rateLimited).isEqualTo(List.of(1));
    }
}

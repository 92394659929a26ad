package dev.evals4j.report.chart;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a method's executor did over time, as consecutive intervals of equal length: the figures
 * {@code summary.json} carries and {@link ConcurrencyChart} draws. Immutable.
 *
 * @param intervalSeconds the length of each interval, in seconds
 * @param points one point per interval, in time order, the first starting at 0
 */
@API(status = INTERNAL, since = "0.1")
public record ConcurrencySeries(double intervalSeconds, List<ConcurrencyPoint> points) {

    /** A series without any point, for a method whose rows did not run. */
    public static final ConcurrencySeries EMPTY = new ConcurrencySeries(0, List.of());

    /** Copies the points. */
    public ConcurrencySeries {
        points = List.copyOf(points);
    }

    /** The rate-limited attempts of every interval. */
    public long rateLimited() {
        return points.stream().mapToLong(ConcurrencyPoint::rateLimited).sum();
    }

    /** The retries of every interval. */
    public long retries() {
        return points.stream().mapToLong(ConcurrencyPoint::retries).sum();
    }

    /** The time the series covers, in seconds. */
    public double durationSeconds() {
        return points.size() * intervalSeconds;
    }
}

package dev.evals4j.report.chart;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One interval of a {@link ConcurrencySeries}. Immutable.
 *
 * @param seconds when the interval starts, in seconds since the method's rows started running
 * @param inFlight the most calls in flight at once during the interval
 * @param limit the strategy's concurrency limit at the end of the interval
 * @param admittedPerSecond the rate at which the pacer admitted request starts at the end of the
 *     interval, in requests per second; {@code null} while it did not pace
 * @param startedPerSecond the calls (attempts) that started during the interval, per second
 * @param retries the attempts that failed during the interval and were scheduled to run again (rate
 *     limits excluded)
 * @param rateLimited the attempts a rate limit (a 429) rejected during the interval
 */
@API(status = INTERNAL, since = "0.1")
public record ConcurrencyPoint(double seconds, int inFlight, int limit, Double admittedPerSecond,
        double startedPerSecond, int retries, int rateLimited) {}

package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What one runner tells its limit group at a sync: what it observed since its last sync.
 *
 * @param generation the group's {@linkplain GroupRate#generation generation} the runner knew
 * @param rateLimits the rate limits of requests the runner started after it learned that generation
 * @param demand whether the runner wanted to start a request since its last sync
 * @param admittedPerSecond the requests per second the provider admitted to this runner lately, as the
 *     default pacer measures it (over the last second, or its last half when higher: a second in which
 *     the rate climbed understates its end), if it holds enough successes to measure
 * @param startedPerSecond the requests per second this runner started over the last second, likewise
 */
@API(status = INTERNAL, since = "0.1")
public record MemberReport(long generation, int rateLimits, boolean demand, OptionalDouble admittedPerSecond,
        OptionalDouble startedPerSecond) {

    /** Validates. */
    public MemberReport {
        if (rateLimits < 0) {
            throw new IllegalArgumentException("rateLimits must not be negative, was " + rateLimits);
        }
    }
}

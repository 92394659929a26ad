package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What the live members of a limit group reported, summed: the reporting member's fresh report
 * included, members whose heartbeat is too old left out.
 *
 * @param sharers the live members that share the rate: those that wanted to start requests since
 *     their last sync, and the reporting member in any case; at least 1
 * @param admittedPerSecond the requests per second the provider admitted lately, summed over the
 *     members that could measure it; empty when none could
 * @param measured how many live members could measure it (their reports held an admitted rate)
 * @param startedPerSecond the requests per second the members started lately, summed likewise
 */
@API(status = INTERNAL, since = "0.1")
public record GroupTotals(int sharers, OptionalDouble admittedPerSecond, int measured,
        OptionalDouble startedPerSecond) {

    /** Validates. */
    public GroupTotals {
        if (sharers < 1 || measured < 0 || measured > 0 != admittedPerSecond.isPresent()) {
            throw new IllegalArgumentException("sharers must be at least 1 (the reporting member) and measured the"
                    + " count of members behind the admitted rate, were " + sharers + ", " + measured + " and "
                    + admittedPerSecond);
        }
    }

    /**
     * The requests per second the provider admitted lately to all the sharers: the measured sum, scaled
     * up by the sharers that could not measure yet (a runner that just started, or whose first calls are
     * still in flight) as if each had been admitted the measured members' average; empty when none could
     * measure. A sum over the measured members alone would set the whole group's rate to what one of
     * them was admitted.
     */
    public OptionalDouble admittedBySharers() {
        if (admittedPerSecond.isEmpty()) {
            return admittedPerSecond;
        }
        return OptionalDouble.of(admittedPerSecond.getAsDouble() * Math.max(sharers, measured) / measured);
    }
}

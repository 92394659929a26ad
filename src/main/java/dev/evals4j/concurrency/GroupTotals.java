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
 * @param startedPerSecond the requests per second the members started lately, summed likewise
 */
@API(status = INTERNAL, since = "0.1")
public record GroupTotals(int sharers, OptionalDouble admittedPerSecond, OptionalDouble startedPerSecond) {

    /** Validates. */
    public GroupTotals {
        if (sharers < 1) {
            throw new IllegalArgumentException("sharers must be at least 1 (the reporting member), was " + sharers);
        }
    }
}

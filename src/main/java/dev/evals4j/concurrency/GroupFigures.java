package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What a runner reads back from its limit group at a sync.
 *
 * @param ratePerSecond the rate the whole group may start requests at now; infinite while unpaced
 * @param sharers how many live members share it (the runner included)
 * @param generation the group's decrease count, which the runner's next rate limits are counted against
 */
@API(status = INTERNAL, since = "0.1")
public record GroupFigures(double ratePerSecond, int sharers, long generation) {

    /** Validates. */
    public GroupFigures {
        if (!(ratePerSecond > 0) || sharers < 1) {
            throw new IllegalArgumentException("ratePerSecond must be positive and sharers at least 1, were "
                    + ratePerSecond + " and " + sharers);
        }
    }

    /** The rate this runner may start requests at: an equal share of the group's. */
    public double sharePerSecond() {
        return ratePerSecond / sharers;
    }
}

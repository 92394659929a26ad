package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The shared state of a limit group: the request rate its runners together may start, as its row in
 * the database holds it. The rate is the one set by the last decrease; the rate in force later is
 * that rate grown since (see {@link GroupRule#rateAt}), computed from the row by whoever reads it, so
 * growth happens once for the group and costs no write.
 *
 * @param rate requests per second set by the last decrease; infinite while the group is unpaced
 *     (no runner has seen a rate limit)
 * @param provisional whether the rate is a guess made before any measurement of what the provider admits
 * @param decreasedAtMillis when the last decrease happened (epoch milliseconds), {@code 0} before any
 * @param generation how many decreases the group has seen: a rate limit reported against an older
 *     generation was sent under an older rate and is ignored
 */
@API(status = INTERNAL, since = "0.1")
public record GroupRate(double rate, boolean provisional, long decreasedAtMillis, long generation) {

    /** Validates. */
    public GroupRate {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive or infinite, was " + rate);
        }
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative, was " + generation);
        }
    }

    /** A new group: unpaced, no decrease yet. */
    public static GroupRate unpaced() {
        return new GroupRate(Double.POSITIVE_INFINITY, false, 0, 0);
    }

    /** Whether the group paces at all. */
    public boolean paced() {
        return !Double.isInfinite(rate);
    }
}

package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The arithmetic of a limit group's shared rate: the rule of the default {@link AdaptiveRateLimiter},
 * applied once for all the runners of the group instead of once per runner.
 *
 * <ul>
 *   <li>A group starts unpaced. A rate limit that a member reports, for a request it started under the
 *       group's current {@linkplain GroupRate#generation generation}, sets the group's rate to
 *       {@link #admittedShare} of the rate the provider admitted lately, measured from the successes of
 *       every live member ({@link GroupTotals#admittedBySharers}; never above the rate in force); before any member can measure, an unpaced
 *       group paces provisionally at half the rate its members started at (or the
 *       {@link #initialRate}), and a paced one halves. Rate limits reported within the {@link #cooldown}
 *       of a decrease to a measured rate lower nothing: they come from requests that members started before they all
 *       learned the decrease (a member learns it at its next sync), not from the lower rate.</li>
 *   <li>After a decrease the rate grows once the {@link #cooldown} has passed (a provisional rate at
 *       once and twice as fast), up to {@link #maxRate}, accelerating as the default pacer's does: by
 *       {@link #growthPerSecond} to the power {@code t + t²/2} over the {@code t} seconds it has grown.
 *       Near the rate it just found it probes as gently as a constant factor; after a decrease to what a
 *       warming group was admitted (its runners' first calls still starting) it climbs back to four
 *       times that within two seconds instead of three and a half. Growth is a function of the row
 *       ({@link #rateAt}), so it happens once for the group.</li>
 * </ul>
 *
 * <p>Times are epoch milliseconds, read by each member from its clock: the members' clocks should agree
 * to well under a second (NTP does). Immutable and thread-safe.
 *
 * @param admittedShare the share of the admitted rate a decrease falls to, in {@code (0, 1]}
 * @param cooldown the time after a decrease in which the rate does not grow
 * @param growthPerSecond the factor the rate grows by in its first second of growth (faster later), at least 1
 * @param initialRate the provisional rate when nothing was measured, in requests per second
 * @param minRate the lowest rate
 * @param maxRate the highest rate
 */
@API(status = INTERNAL, since = "0.1")
public record GroupRule(double admittedShare, Duration cooldown, double growthPerSecond, double initialRate,
        double minRate, double maxRate) {

    private static final double DECREASE_FACTOR = 0.5;

    /** Validates. */
    public GroupRule {
        Checks.fraction(admittedShare, "admittedShare");
        Checks.positive(cooldown, "cooldown");
        Checks.positive(initialRate, "initialRate");
        Checks.positive(minRate, "minRate");
        Checks.positive(maxRate, "maxRate");
        if (!(growthPerSecond >= 1) || Double.isInfinite(growthPerSecond) || minRate > maxRate) {
            throw new IllegalArgumentException("growthPerSecond must be at least 1 (was " + growthPerSecond
                    + ") and minRate at most maxRate (were " + minRate + " and " + maxRate + ")");
        }
    }

    /** The share of the admitted rate a group's decrease falls to. */
    public static final double DEFAULT_ADMITTED_SHARE = 0.9;
    /** How much a group's rate grows in its first second of growth. */
    public static final double DEFAULT_GROWTH_PER_SECOND = 1.2;

    /**
     * The default rule: the single-runner pacer's ({@link ConcurrencyStrategies#defaults}), except that
     * a decrease falls to {@value #DEFAULT_ADMITTED_SHARE} of the admitted rate (not 0.95) and the rate
     * grows by {@value #DEFAULT_GROWTH_PER_SECOND} in its first second (not 1.5). The members learn a
     * decrease up to a sync period late, and each sends at the old rate until then, so every time the
     * group's rate climbs over what the provider admits costs several runners' rate limits, not one
     * runner's: the group sits a little lower and climbs back more slowly, about halving the rate
     * limits after the first second for a few percent of throughput.
     */
    public static GroupRule defaults() {
        return new GroupRule(DEFAULT_ADMITTED_SHARE, ConcurrencyStrategies.DEFAULT_PACER_COOLDOWN,
                DEFAULT_GROWTH_PER_SECOND, AdaptiveRateLimiter.DEFAULT_INITIAL_RATE, AdaptiveRateLimiter.DEFAULT_MIN_RATE,
                AdaptiveRateLimiter.DEFAULT_MAX_RATE);
    }

    /** The rate in force at {@code nowMillis}: the row's rate grown since its decrease; infinite while unpaced. */
    public double rateAt(GroupRate row, long nowMillis) {
        if (!row.paced()) {
            return row.rate();
        }
        double growth = row.provisional() ? growthPerSecond * growthPerSecond : growthPerSecond;
        long growingSince = row.provisional() ? row.decreasedAtMillis() : row.decreasedAtMillis() + cooldown.toMillis();
        double seconds = Math.max(0, nowMillis - growingSince) / 1000.0;
        return Math.min(maxRate, row.rate() * Math.pow(growth, seconds + seconds * seconds / 2));
    }

    /**
     * The group's row after a member's sync at {@code nowMillis}: decreased when the report holds rate
     * limits of the current generation, otherwise unchanged (the same instance).
     */
    public GroupRate afterReport(GroupRate row, MemberReport report, GroupTotals totals, long nowMillis) {
        if (report.rateLimits() == 0 || report.generation() != row.generation()
                || row.paced() && !row.provisional() && nowMillis - row.decreasedAtMillis() < cooldown.toMillis()) {
            return row;
        }
        double inForce = rateAt(row, nowMillis);
        OptionalDouble admitted = totals.admittedBySharers();
        double rate;
        boolean provisional;
        if (admitted.isPresent()) {
            rate = admittedShare * Math.min(inForce, admitted.getAsDouble());
            provisional = false;
        } else if (!row.paced()) {
            OptionalDouble started = totals.startedPerSecond();
            rate = started.isPresent() ? DECREASE_FACTOR * started.getAsDouble() : initialRate;
            provisional = true;
        } else {
            rate = DECREASE_FACTOR * inForce;
            provisional = row.provisional();
        }
        return new GroupRate(Math.max(minRate, Math.min(maxRate, rate)), provisional, nowMillis, row.generation() + 1);
    }

    /** What a member reads back after its sync at {@code nowMillis}, from the group's row as it stands then. */
    public GroupFigures figures(GroupRate row, GroupTotals totals, long nowMillis) {
        return new GroupFigures(rateAt(row, nowMillis), totals.sharers(), row.generation());
    }
}

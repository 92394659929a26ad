package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GroupRuleTest {

    private static final long T0 = 1_700_000_000_000L;

    /** A rule with the single-runner default pacer's figures (0.95 of the admitted rate, growth 1.5). */
    static GroupRule pacerFigures() {
        return new GroupRule(ConcurrencyStrategies.DEFAULT_ADMITTED_RATE_SHARE,
                ConcurrencyStrategies.DEFAULT_PACER_COOLDOWN, ConcurrencyStrategies.DEFAULT_PACER_GROWTH_PER_SECOND,
                AdaptiveRateLimiter.DEFAULT_INITIAL_RATE, AdaptiveRateLimiter.DEFAULT_MIN_RATE,
                AdaptiveRateLimiter.DEFAULT_MAX_RATE);
    }

    private final GroupRule rule = pacerFigures();

    private static MemberReport rateLimited(long generation, int count) {
        return new MemberReport(generation, count, true, OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static GroupTotals totals(int sharers, double admitted) {
        return new GroupTotals(sharers, OptionalDouble.of(admitted), sharers, OptionalDouble.of(admitted * 1.2));
    }

    @Test
    void aGroupWithoutRateLimitsStaysUnpaced() {
        GroupRate row = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 0), totals(3, 120), T0);

        assertThat(row.paced()).isFalse();
        assertThat(rule.figures(row, totals(3, 120), T0).sharePerSecond()).isInfinite();
    }

    @Test
    void aRateLimitSetsTheGroupToAShareOfWhatAllMembersWereAdmitted() {
        GroupRate row = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 2), totals(3, 100), T0);

        assertThat(row.rate()).isCloseTo(95, within(1e-9));
        assertThat(row.generation()).isEqualTo(1);
        assertThat(row.decreasedAtMillis()).isEqualTo(T0);
        GroupFigures figures = rule.figures(row, totals(3, 100), T0);
        assertThat(figures.sharePerSecond()).isCloseTo(95 / 3.0, within(1e-9));
    }

    @Test
    void aRateLimitOfARequestSentUnderAnOlderGenerationIsIgnored() {
        GroupRate decreased = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 1), totals(3, 100), T0);

        GroupRate again = rule.afterReport(decreased, rateLimited(0, 5), totals(3, 40), T0 + 100);

        assertThat(again).isSameAs(decreased);
    }

    @Test
    void aRateLimitWithinTheCooldownOfAMeasuredDecreaseLowersNothing() {
        GroupRate decreased = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 1), totals(3, 100), T0);

        GroupRate again = rule.afterReport(decreased, rateLimited(1, 1), totals(3, 80), T0 + 100);

        assertThat(again).isSameAs(decreased);
    }

    @Test
    void aRateLimitOfTheCurrentGenerationAfterTheCooldownLowersAgain() {
        GroupRate decreased = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 1), totals(3, 100), T0);

        GroupRate again = rule.afterReport(decreased, rateLimited(1, 1), totals(3, 80), T0 + 600);

        assertThat(again.rate()).isCloseTo(0.95 * 80, within(1e-9));
        assertThat(again.generation()).isEqualTo(2);
    }

    @Test
    void aRateLimitWithinTheCooldownOfAProvisionalDecreaseLowersAgain() {
        GroupTotals unmeasured = new GroupTotals(2, OptionalDouble.empty(), 0, OptionalDouble.of(300));
        GroupRate provisional = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 1), unmeasured, T0);

        GroupRate again = rule.afterReport(provisional, rateLimited(1, 1), totals(2, 100), T0 + 100);

        assertThat(again.rate()).isCloseTo(95, within(1e-9));
    }

    @Test
    void aRateLimitCountsTheSharersThatCouldNotMeasureYetAsAdmittedTheMeasuredMembersAverage() {
        GroupTotals oneOfThreeMeasured = new GroupTotals(3, OptionalDouble.of(30), 1, OptionalDouble.of(100));

        GroupRate row = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 1), oneOfThreeMeasured, T0);

        // Before, the sum over the measured member alone set the whole group to 0.95 x 30.
        assertThat(row.rate()).isCloseTo(0.95 * 90, within(1e-9));
    }

    @Test
    void theRateGrowsFromTheRowAfterTheCooldownOnceForTheWholeGroupFasterTheLongerItGrows() {
        GroupRate row = new GroupRate(90, false, T0, 1);

        assertThat(rule.rateAt(row, T0 + 500)).isCloseTo(90, within(1e-9));
        assertThat(rule.rateAt(row, T0 + 600)).as("gently near the rate just found")
                .isCloseTo(90 * Math.pow(1.5, 0.1 + 0.005), within(1e-9));
        assertThat(rule.rateAt(row, T0 + 1_500)).isCloseTo(90 * Math.pow(1.5, 1.5), within(1e-9));
        assertThat(rule.rateAt(row, T0 + 60_000)).isEqualTo(AdaptiveRateLimiter.DEFAULT_MAX_RATE);
    }

    @Test
    void aGroupDecreasedToWhatItWasAdmittedWhileWarmingUpClimbsBackFourfoldWithinTwoSecondsOfGrowth() {
        GroupRate row = new GroupRate(25, false, T0, 1);

        // A constant x1.5 per second took 3.4 s.
        assertThat(rule.rateAt(row, T0 + 500 + 2_000)).isGreaterThan(100);
    }

    @Test
    void beforeAnyMeasurementAnUnpacedGroupPacesProvisionallyAtHalfTheRateItsMembersStarted() {
        GroupTotals unmeasured = new GroupTotals(2, OptionalDouble.empty(), 0, OptionalDouble.of(300));

        GroupRate row = rule.afterReport(GroupRate.unpaced(), rateLimited(0, 1), unmeasured, T0);

        assertThat(row.rate()).isCloseTo(150, within(1e-9));
        assertThat(row.provisional()).isTrue();
        assertThat(rule.rateAt(row, T0 + 1_000)).isCloseTo(150 * Math.pow(1.5 * 1.5, 1.5), within(1e-9));
    }

    @Test
    void aPacedGroupWithoutAMeasurementHalves() {
        GroupRate row = new GroupRate(40, false, T0, 3);
        GroupTotals unmeasured = new GroupTotals(1, OptionalDouble.empty(), 0, OptionalDouble.empty());

        GroupRate halved = rule.afterReport(row, rateLimited(3, 1), unmeasured, T0 + 600);

        assertThat(halved.rate()).isCloseTo(20 * Math.pow(1.5, 0.105), within(1e-9));
    }

    @Test
    void theAdmittedRateNeverRaisesTheRateInForce() {
        GroupRate row = new GroupRate(40, false, T0, 3);

        GroupRate decreased = rule.afterReport(row, rateLimited(3, 1), totals(2, 200), T0 + 600);

        assertThat(decreased.rate()).isCloseTo(0.95 * 40 * Math.pow(1.5, 0.105), within(1e-9));
    }
}

package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {

    private static final long MILLIS = 1_000_000;

    private final ManualTicker ticker = new ManualTicker();

    private AdaptiveRateLimiter.Builder limiter() {
        return AdaptiveRateLimiter.builder().ticker(ticker);
    }

    /** A limiter at 10 requests/s that never grows, so that waits are exact. */
    private AdaptiveRateLimiter steady() {
        return limiter().initialRate(10).growthPerSecond(1).build();
    }

    @Test
    void spacesRequestStartsByTheRate() {
        AdaptiveRateLimiter limiter = steady();

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(100 * MILLIS);
        ticker.advanceMillis(40);
        assertThat(limiter.tryAcquire()).isEqualTo(60 * MILLIS);
        ticker.advanceMillis(60);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(100 * MILLIS);
    }

    @Test
    void aBurstCapacityLetsThatManyStartAtOnce() {
        AdaptiveRateLimiter limiter = limiter().initialRate(10).growthPerSecond(1).burst(3).build();

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isPositive();
        ticker.advanceSeconds(10);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).as("the bucket never holds more than its burst").isPositive();
    }

    @Test
    void aRateLimitHalvesTheRateAndEmptiesTheBucket() {
        AdaptiveRateLimiter limiter = steady();

        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).isEqualTo(5);
        assertThat(limiter.tryAcquire()).isEqualTo(200 * MILLIS);
    }

    @Test
    void theRateNeverFallsBelowItsFloor() {
        AdaptiveRateLimiter limiter = limiter().initialRate(0.15).growthPerSecond(1).build();

        limiter.onRateLimited(ticker.nanoTime());
        assertThat(limiter.ratePerSecond()).isEqualTo(0.1);
        ticker.advanceSeconds(6);
        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).isEqualTo(0.1);
    }

    @Test
    void rateLimitsDuringTheCooldownAreIgnored() {
        AdaptiveRateLimiter limiter = steady();
        limiter.onRateLimited(ticker.nanoTime());
        ticker.advanceSeconds(1);
        long startedAfterTheDecrease = ticker.nanoTime();
        ticker.advanceSeconds(1);

        limiter.onRateLimited(startedAfterTheDecrease);
        assertThat(limiter.ratePerSecond()).isEqualTo(5);

        ticker.advanceSeconds(3);
        limiter.onRateLimited(startedAfterTheDecrease);
        assertThat(limiter.ratePerSecond()).as("cooldown over").isEqualTo(2.5);
    }

    @Test
    void aRateLimitForARequestStartedBeforeTheLastDecreaseIsIgnoredEvenAfterTheCooldown() {
        AdaptiveRateLimiter limiter = steady();
        long sentUnderTheOldRate = ticker.nanoTime();
        ticker.advanceMillis(10);
        limiter.onRateLimited(ticker.nanoTime());

        ticker.advanceSeconds(20);
        limiter.onRateLimited(sentUnderTheOldRate);

        assertThat(limiter.ratePerSecond()).isEqualTo(5);
    }

    @Test
    void growsBackExponentiallyAfterTheCooldownUpToTheMaximum() {
        AdaptiveRateLimiter limiter = limiter().initialRate(10).maxRate(12).growthPerSecond(2).build();
        limiter.onRateLimited(ticker.nanoTime());

        ticker.advanceSeconds(5);
        limiter.onSuccess(ticker.nanoTime());
        assertThat(limiter.ratePerSecond()).as("no growth during the cooldown").isEqualTo(5);

        ticker.advanceSeconds(1);
        limiter.onSuccess(ticker.nanoTime());
        assertThat(limiter.ratePerSecond()).isCloseTo(10, within(1e-9));

        ticker.advanceMillis(500);
        assertThat(limiter.ratePerSecond()).isCloseTo(12, within(1e-9));
    }

    @Test
    void growsWithTheDefaultFactorOfOnePointTwoPerSecond() {
        AdaptiveRateLimiter limiter = limiter().initialRate(10).build();

        ticker.advanceSeconds(2);

        assertThat(limiter.ratePerSecond()).isCloseTo(14.4, within(1e-9));
    }

    @Test
    void returnsToItsInitialStateAfterAnIdleWindow() {
        AdaptiveRateLimiter limiter = limiter().initialRate(10).build();
        assertThat(limiter.tryAcquire()).isZero();
        limiter.onRateLimited(ticker.nanoTime());
        assertThat(limiter.ratePerSecond()).isEqualTo(5);

        ticker.advanceSeconds(30);

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.ratePerSecond()).isEqualTo(10);
        limiter.onRateLimited(ticker.nanoTime());
        assertThat(limiter.ratePerSecond()).as("a fresh limiter has no cooldown").isEqualTo(5);
    }

    @Test
    void rejectsInconsistentSettingsWithTheirValues() {
        assertThatThrownBy(() -> limiter().initialRate(2000).build())
                .hasMessageContaining("initialRate must be in [0.1, 1000.0] requests/s, was 2000");
        assertThatThrownBy(() -> limiter().burst(0.5)).hasMessageContaining("burst must be at least 1, was 0.5");
        assertThatThrownBy(() -> limiter().growthPerSecond(0.9)).hasMessageContaining("growthPerSecond");
    }

    /** The tuned limiter of the defaults: unpaced start, measured decreases, no growth so rates are exact. */
    private AdaptiveRateLimiter measured() {
        return limiter().unpacedStart(true).admittedRateShare(0.9).cooldown(Duration.ofSeconds(1))
                .growthPerSecond(1).build();
    }

    /** Reports {@code count} successes, one every {@code intervalMillis}. */
    private void succeed(AdaptiveRateLimiter limiter, int count, long intervalMillis) {
        for (int i = 0; i < count; i++) {
            ticker.advanceMillis(intervalMillis);
            limiter.onSuccess(ticker.nanoTime());
        }
    }

    @Test
    void anUnpacedStartPacesNothingUntilTheFirstRateLimit() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).build();

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        ticker.advanceSeconds(10);
        assertThat(limiter.ratePerSecond()).isInfinite();
    }

    @Test
    void aRateLimitSetsTheRateToAShareOfTheAdmittedRate() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 150, 10);

        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).isCloseTo(90, within(1e-9));
        assertThat(limiter.tryAcquire()).as("the bucket was emptied").isPositive();
    }

    @Test
    void theAdmittedRateEarlyInARunIsMeasuredSinceTheFirstSuccess() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 20, 10);

        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).as("20 successes over 190 ms").isCloseTo(0.9 * 20 / 0.19, within(1e-6));
    }

    @Test
    void aRateLimitBeforeAnyMeasurementPacesAtHalfTheRecentStartRate() {
        AdaptiveRateLimiter limiter = measured();
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire()).isZero();
            ticker.advanceMillis(5);
        }
        succeed(limiter, 4, 1);

        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).as("20 starts over the 104 ms since the first, halved")
                .isCloseTo(0.5 * 20 / 0.104, within(1e-6));
        assertThat(limiter.tryAcquire()).as("the bucket was emptied").isPositive();
    }

    @Test
    void aRateLimitWithoutAMeasurementOrRecentStartsPacesAtTheInitialRate() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).admittedRateShare(0.9).initialRate(10)
                .growthPerSecond(1).build();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        ticker.advanceMillis(2_500); // a client's first calls answered late: no start in the last second

        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).isEqualTo(10);
        assertThat(limiter.tryAcquire()).isEqualTo(100 * MILLIS);
    }

    @Test
    void furtherRateLimitsBeforeAnyMeasurementHalveTheProvisionalRate() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).admittedRateShare(0.9).initialRate(16)
                .growthPerSecond(1).build();
        long sentBefore = ticker.nanoTime();
        ticker.advanceSeconds(2);
        limiter.onRateLimited(sentBefore);
        assertThat(limiter.ratePerSecond()).isEqualTo(16);

        limiter.onRateLimited(sentBefore);
        assertThat(limiter.ratePerSecond()).as("sent before the decrease: ignored").isEqualTo(16);
        ticker.advanceMillis(1);
        limiter.onRateLimited(ticker.nanoTime());
        assertThat(limiter.ratePerSecond()).as("sent after it").isEqualTo(8);
    }

    @Test
    void aProvisionalRateGrowsAtOnceAndTwiceAsFastUntilAMeasuredDecrease() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).admittedRateShare(0.9).initialRate(10)
                .cooldown(Duration.ofSeconds(1)).growthPerSecond(1.5).build();
        limiter.onRateLimited(ticker.nanoTime());

        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).as("no cooldown, x1.5^2 per second").isCloseTo(22.5, within(1e-9));

        succeed(limiter, 9, 100); // 9 successes over 800 ms, while the rate grows past 22.5
        limiter.onRateLimited(ticker.nanoTime());
        double measured = 0.9 * 9 / 0.8;
        assertThat(limiter.ratePerSecond()).as("a measured decrease ends the provisional phase")
                .isCloseTo(measured, within(1e-6));
        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).as("then the cooldown").isCloseTo(measured, within(1e-6));
        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).as("then x1.5 per second").isCloseTo(1.5 * measured, within(1e-6));
    }

    @Test
    void aRateLimitAfterAClimbMeasuresTheAdmittedRateOverTheLastHalfSecond() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 25, 20); // 50/s for half a second
        succeed(limiter, 50, 10); // then 100/s

        limiter.onRateLimited(ticker.nanoTime());

        // The whole second averages the climb: 75/s, and 0.9 x 75 paced far below the rate it reached.
        assertThat(limiter.ratePerSecond()).as("0.9 x the last half second's 100/s").isCloseTo(90, within(1e-9));
    }

    @Test
    void aRateLimitAfterADipMeasuresTheAdmittedRateOverTheWholeSecond() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 50, 10); // 100/s for half a second
        succeed(limiter, 25, 20); // then 50/s

        limiter.onRateLimited(ticker.nanoTime());

        double secondsSinceTheFirstSuccess = 0.99;
        assertThat(limiter.ratePerSecond()).as("0.9 x the second's 75 successes")
                .isCloseTo(0.9 * 75 / secondsSinceTheFirstSuccess, within(1e-9));
    }

    @Test
    void aMeasuredDecreaseNeverRaisesThePacedRate() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 150, 10);
        limiter.onRateLimited(ticker.nanoTime());
        succeed(limiter, 5, 1);

        limiter.onRateLimited(ticker.nanoTime());

        assertThat(limiter.ratePerSecond()).as("0.9 x min(90, admitted)").isCloseTo(81, within(1e-9));
    }

    @Test
    void measuredDecreasesIgnoreRequestsSentBeforeTheLastOneButNotTheCooldown() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 150, 10);
        long sentUnderTheOldRate = ticker.nanoTime();
        ticker.advanceMillis(1);
        limiter.onRateLimited(ticker.nanoTime());
        long decreasedAt = ticker.nanoTime();

        succeed(limiter, 10, 10);
        limiter.onRateLimited(sentUnderTheOldRate);
        assertThat(limiter.ratePerSecond()).isCloseTo(90, within(1e-9));

        limiter.onRateLimited(decreasedAt + 1);
        assertThat(limiter.ratePerSecond()).as("sent after the decrease, within the cooldown")
                .isCloseTo(81, within(1e-9));
    }

    @Test
    void aMeasuredLimiterGrowsOnlyAfterItsCooldown() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).admittedRateShare(0.9)
                .cooldown(Duration.ofSeconds(1)).growthPerSecond(1.5).build();
        succeed(limiter, 150, 10);
        limiter.onRateLimited(ticker.nanoTime());

        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).isCloseTo(90, within(1e-9));
        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).isCloseTo(135, within(1e-9));
    }

    @Test
    void acceleratingGrowthRaisesTheExponentByTPlusHalfTSquared() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).admittedRateShare(0.9)
                .cooldown(Duration.ofSeconds(1)).growthPerSecond(1.5).acceleratingGrowth(true).build();
        succeed(limiter, 150, 10);
        limiter.onRateLimited(ticker.nanoTime());

        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).as("the cooldown").isCloseTo(90, within(1e-9));
        ticker.advanceMillis(100);
        assertThat(limiter.ratePerSecond()).as("as gentle as x1.5/s at first")
                .isCloseTo(90 * Math.pow(1.5, 0.105), within(1e-6));
        ticker.advanceMillis(900);
        assertThat(limiter.ratePerSecond()).as("1 s: x1.5^1.5").isCloseTo(90 * Math.pow(1.5, 1.5), within(1e-6));
        ticker.advanceSeconds(1);
        assertThat(limiter.ratePerSecond()).as("2 s: x1.5^4").isCloseTo(90 * Math.pow(1.5, 4), within(1e-6));
    }

    @Test
    void acceleratingGrowthStartsOverAfterEachDecrease() {
        AdaptiveRateLimiter limiter = limiter().unpacedStart(true).admittedRateShare(0.9).maxRate(10_000)
                .cooldown(Duration.ofSeconds(1)).growthPerSecond(1.5).acceleratingGrowth(true).build();
        succeed(limiter, 150, 10);
        limiter.onRateLimited(ticker.nanoTime());
        ticker.advanceSeconds(3);
        succeed(limiter, 100, 10);
        double before = limiter.ratePerSecond();

        limiter.onRateLimited(ticker.nanoTime());
        double decreased = limiter.ratePerSecond();
        ticker.advanceSeconds(2);

        assertThat(decreased).isLessThan(before);
        assertThat(limiter.ratePerSecond()).as("cooldown, then 1 s of growth: x1.5^1.5")
                .isCloseTo(decreased * Math.pow(1.5, 1.5), within(1e-6));
    }

    @Test
    void anIdleResetReturnsToUnpaced() {
        AdaptiveRateLimiter limiter = measured();
        succeed(limiter, 150, 10);
        limiter.onRateLimited(ticker.nanoTime());
        assertThat(limiter.tryAcquire()).isPositive();

        ticker.advanceSeconds(31);

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.ratePerSecond()).isInfinite();
    }

    @Test
    void rejectsAnAdmittedRateShareOutsideItsRange() {
        assertThatThrownBy(() -> limiter().admittedRateShare(0))
                .hasMessageContaining("admittedRateShare must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> limiter().admittedRateShare(1.5)).hasMessageContaining("admittedRateShare");
    }
}

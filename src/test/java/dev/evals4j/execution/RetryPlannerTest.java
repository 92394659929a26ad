package dev.evals4j.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evals4j.api.RateLimitedException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPlannerTest {

    private static final long MILLIS = 1_000_000;

    /** Draws {@code share} of the bound it is asked for, so that jitter is predictable. */
    private static RandomGenerator drawing(double share) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return (long) (share * (bound - 1));
            }
        };
    }

    private static long retryAfterDelay(Duration retryAfter, double share) {
        RetryPlanner planner = new RetryPlanner(RetryPolicy.defaults(), ClassifierChain.builtIns(), drawing(share));
        RateLimitedException failure = new RateLimitedException("429", retryAfter, null);
        RetryPlanner.Plan plan = planner.plan(new ItemRecord<>(0, "row"), failure, planner.classify(failure));
        assertThat(plan.retry()).isTrue();
        assertThat(plan.rateLimited()).isTrue();
        return plan.delayNanos();
    }

    @Test
    void aRetryAfterWaitIsNeverShortened() {
        assertThat(retryAfterDelay(Duration.ofSeconds(2), 0)).isEqualTo(2_000 * MILLIS);
    }

    @Test
    void aLongRetryAfterWaitGetsUpToAQuarterMore() {
        assertThat(retryAfterDelay(Duration.ofSeconds(2), 1)).isEqualTo(2_500 * MILLIS);
        assertThat(retryAfterDelay(Duration.ofSeconds(2), 0.5)).isEqualTo(2_250 * MILLIS);
    }

    @Test
    void aShortRetryAfterWaitIsSpreadOverAtLeastAHundredMilliseconds() {
        assertThat(retryAfterDelay(Duration.ofMillis(10), 1)).isEqualTo(110 * MILLIS);
        assertThat(retryAfterDelay(Duration.ZERO, 0.5)).isEqualTo(50 * MILLIS);
    }

    @Test
    void rowsRejectedTogetherDoNotAllRetryAtTheSameInstant() {
        RetryPlanner planner = new RetryPlanner(RetryPolicy.defaults(), ClassifierChain.builtIns(),
                RandomGenerator.of("L64X128MixRandom"));
        RateLimitedException failure = new RateLimitedException("429", Duration.ofMillis(10), null);

        long distinctDelays = java.util.stream.IntStream.range(0, 20)
                .mapToLong(i -> planner.plan(new ItemRecord<>(i, "row"), failure, planner.classify(failure)).delayNanos())
                .distinct()
                .count();

        assertThat(distinctDelays).isGreaterThan(10);
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsTheLongerOfThePolicysBackOffAndTheFloor() {
        RetryPolicy policy = RetryPolicy.builder().waitFixed(Duration.ofMillis(3_000)).build();
        RetryPlanner planner = new RetryPlanner(policy, ClassifierChain.builtIns(), drawing(0));
        RateLimitedException failure = new RateLimitedException("429");

        RetryPlanner.Plan plan = planner.plan(new ItemRecord<>(0, "row"), failure, planner.classify(failure));

        assertThat(plan.delayNanos()).isEqualTo(3_000 * MILLIS);
    }

    @Test
    void aRateLimitWithoutRetryAfterNeverComesBackWithinASecondEvenWhenRetriesDoNotWait() {
        RetryPlanner planner = new RetryPlanner(RetryPolicy.builder().waitNone().build(), ClassifierChain.builtIns(),
                drawing(0));
        RateLimitedException failure = new RateLimitedException("429");

        RetryPlanner.Plan plan = planner.plan(new ItemRecord<>(0, "row"), failure, planner.classify(failure));

        assertThat(plan.rateLimited()).isTrue();
        assertThat(plan.delayNanos()).isEqualTo(1_000 * MILLIS);
    }

    @Test
    void theUnknownWaitGrowsWhenTheSameRowIsRateLimitedAgainAndIsSpreadByJitter() {
        RetryPlanner planner = new RetryPlanner(RetryPolicy.builder().waitNone().build(), ClassifierChain.builtIns(),
                drawing(1));
        RateLimitedException failure = new RateLimitedException("429");
        ItemRecord<String> row = new ItemRecord<>(0, "row");

        long first = planner.plan(row, failure, planner.classify(failure)).delayNanos();
        long second = planner.plan(row, failure, planner.classify(failure)).delayNanos();
        long third = planner.plan(row, failure, planner.classify(failure)).delayNanos();

        assertThat(first).isEqualTo(1_250 * MILLIS);
        assertThat(second).isEqualTo(2_500 * MILLIS);
        assertThat(third).isEqualTo(5_000 * MILLIS);
        for (int hit = 0; hit < 20; hit++) {
            planner.plan(row, failure, planner.classify(failure));
        }
        assertThat(planner.plan(row, failure, planner.classify(failure)).delayNanos())
                .isEqualTo(RetryPlanner.UNKNOWN_WAIT_MAX.toNanos() / 4 * 5);
    }
}

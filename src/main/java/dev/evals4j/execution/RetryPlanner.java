package dev.evals4j.execution;

import dev.evals4j.api.spi.Classification;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides what follows a failed attempt, for both executors: retry after a delay, or give up.
 *
 * <p>A rate-limited attempt is retried without spending an attempt of the budget, after the
 * provider's {@code Retry-After} when it gave one. When it did not, the wait is at least
 * {@link #UNKNOWN_WAIT_FLOOR} (a second, what providers usually ask for), doubling with each further
 * rate limit of the same item up to {@link #UNKNOWN_WAIT_MAX}, or the policy's wait for the item's count
 * of rate limits if that is longer: a row must not come back sooner than the provider is likely to
 * accept it, whatever the retry policy says about errors. So that nothing loops forever against a
 * provider that never recovers, an item that has hit {@value #MAX_FREE_RATE_LIMITS} rate limits spends
 * budget on every further one, like any other retryable failure.
 *
 * <p>Either wait gets a random extra of up to {@value #RETRY_AFTER_JITTER_PERCENT}% of
 * it, but at least up to {@link #MIN_RETRY_AFTER_JITTER_NANOS} (100 ms): providers often name the
 * instant their next token is free, and every row rejected in the same burst would otherwise retry at
 * that same instant and be rejected together again (a thundering herd).
 *
 * <p>Thread-safe if the random generator is (each executor run uses its own planner).
 */
final class RetryPlanner {

    /** Rate limits per item that are retried without spending an attempt. */
    static final int MAX_FREE_RATE_LIMITS = 50;
    /** The largest random extra on a {@code Retry-After} wait, as a percentage of it. */
    static final int RETRY_AFTER_JITTER_PERCENT = 25;
    /** The largest random extra on a short {@code Retry-After} wait. */
    static final long MIN_RETRY_AFTER_JITTER_NANOS = 100_000_000L;
    /**
     * The shortest wait after a rate limit whose wait the provider did not say (LangChain4j's exceptions
     * carry no headers, for example): providers usually ask for about a second.
     */
    static final Duration UNKNOWN_WAIT_FLOOR = Duration.ofSeconds(1);
    /** The longest the unknown wait grows to, doubling each time the same item is rate-limited again. */
    static final Duration UNKNOWN_WAIT_MAX = Duration.ofSeconds(30);

    private final RetryPolicy policy;
    private final ClassifierChain classifier;
    private final RandomGenerator random;

    RetryPlanner(RetryPolicy policy, ClassifierChain classifier, RandomGenerator random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** What {@code failure} means: a rate limit (and how long the provider asked to wait), transient or permanent. */
    Classification classify(Throwable failure) {
        return classifier.classify(failure);
    }

    /**
     * Records {@code failure} on {@code item} and plans what follows.
     *
     * @param classification the classification of {@code failure}, from {@link #classify}
     */
    Plan plan(ItemRecord<?> item, Throwable failure, Classification classification) {
        if (classification.isRateLimited() && item.rateLimitHits() < MAX_FREE_RATE_LIMITS) {
            item.recordRateLimit(failure);
            long wait = classification.retryAfter().map(Duration::toNanos)
                    .orElseGet(() -> unknownWaitNanos(item.rateLimitHits()));
            long delay = withJitter(wait);
            return Plan.retryAfter(delay, true);
        }
        item.recordFailure(failure);
        if (classification.kind() == Classification.Kind.PERMANENT || item.budgetedFailures() >= policy.maxAttempts()) {
            return Plan.GIVE_UP;
        }
        return Plan.retryAfter(policy.delayNanos(item.budgetedFailures(), random), false);
    }

    /** The wait after the {@code hits}-th rate limit of an item when the provider did not say how long. */
    private long unknownWaitNanos(int hits) {
        int doublings = Math.min(hits - 1, 16);
        long floor = Math.min(UNKNOWN_WAIT_MAX.toNanos(), UNKNOWN_WAIT_FLOOR.toNanos() << doublings);
        return Math.max(floor, policy.delayNanos(hits, random));
    }

    /** {@code retryAfterNanos} plus a random extra in {@code [0, max(25%, 100 ms)]}. */
    private long withJitter(long retryAfterNanos) {
        long base = Math.max(0, retryAfterNanos);
        long spread = Math.max(MIN_RETRY_AFTER_JITTER_NANOS, base / 100 * RETRY_AFTER_JITTER_PERCENT);
        return base + random.nextLong(spread + 1);
    }

    /**
     * What follows a failed attempt.
     *
     * @param retry whether the item gets another attempt
     * @param delayNanos how long to wait before it (0 when giving up)
     * @param rateLimited whether the failure was a rate limit retried for free
     */
    record Plan(boolean retry, long delayNanos, boolean rateLimited) {

        static final Plan GIVE_UP = new Plan(false, 0, false);

        static Plan retryAfter(long delayNanos, boolean rateLimited) {
            return new Plan(true, Math.max(0, delayNanos), rateLimited);
        }
    }
}

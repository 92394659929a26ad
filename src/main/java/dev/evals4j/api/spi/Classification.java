package dev.evals4j.api.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a failed attempt means, as a {@link FailureClassifier} answers it.
 *
 * <ul>
 *   <li>{@link #rateLimited(Optional) rate-limited}: the row is requeued without spending an attempt
 *       of its budget, after the wait the provider asked for (or, when it did not say, after at
 *       least a second, longer when the same row is rate-limited again), and the run slows down;</li>
 *   <li>{@link #transientError() transient}: the row is retried under the retry policy (its attempt
 *       budget and its wait);</li>
 *   <li>{@link #permanent() permanent}: the row fails now.</li>
 * </ul>
 *
 * @param kind which of the three
 * @param retryAfter how long the provider asked to wait; only a rate limit carries one
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Classification(Kind kind, Optional<Duration> retryAfter) {

    private static final Classification TRANSIENT = new Classification(Kind.TRANSIENT, Optional.empty());
    private static final Classification PERMANENT = new Classification(Kind.PERMANENT, Optional.empty());

    /** The three meanings of a failure. */
    public enum Kind {
        /** The provider rejected the call because of its rate limit. */
        RATE_LIMITED,
        /** The call failed for a reason that may pass: retried under the retry policy. */
        TRANSIENT,
        /** The call failed for good: the row fails without another attempt. */
        PERMANENT
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the wait is negative, or given for anything but a rate limit
     */
    public Classification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isPresent() && kind != Kind.RATE_LIMITED) {
            throw new IllegalArgumentException("only a rate limit has a wait, but " + kind + " was given "
                    + retryAfter.get());
        }
        if (retryAfter.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter.get());
        }
    }

    /** A rate limit after which the provider asked to wait {@code retryAfter}, if it said. */
    public static Classification rateLimited(Optional<Duration> retryAfter) {
        return new Classification(Kind.RATE_LIMITED, retryAfter);
    }

    /** A rate limit after which the provider asked to wait {@code retryAfter}. */
    public static Classification rateLimited(Duration retryAfter) {
        return rateLimited(Optional.of(Objects.requireNonNull(retryAfter, "retryAfter")));
    }

    /** A rate limit whose wait is unknown. */
    public static Classification rateLimited() {
        return rateLimited(Optional.empty());
    }

    /** A transient failure: retried under the retry policy. */
    public static Classification transientError() {
        return TRANSIENT;
    }

    /** A permanent failure: the row fails now. */
    public static Classification permanent() {
        return PERMANENT;
    }

    /** Whether this is a rate limit. */
    public boolean isRateLimited() {
        return kind == Kind.RATE_LIMITED;
    }
}

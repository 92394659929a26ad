package dev.evals4j.sim;

import java.util.Objects;
import java.util.Random;

/**
 * Draws, for each admitted request, whether it fails: a transient server error with probability
 * {@code errorRate} (half {@code 500}, half {@code 503}), a hang with probability {@code hangRate},
 * otherwise nothing.
 *
 * <p>Every draw consumes the same amount of randomness, so with a fixed seed the number of faults over
 * N requests does not depend on the order in which concurrent requests arrive. Thread-safe: draws are
 * serialized on the seeded {@link Random}, which this injector owns.
 */
final class FaultInjector {

    private final double errorRate;
    private final double hangRate;
    private final Random random;

    /**
     * Creates an injector.
     *
     * @param errorRate the probability of a transient server error, in {@code [0, 1]}
     * @param hangRate the probability of a hang, in {@code [0, 1]}; {@code errorRate + hangRate <= 1}
     * @param random the source of randomness, owned by this injector from now on
     */
    FaultInjector(double errorRate, double hangRate, Random random) {
        this.errorRate = errorRate;
        this.hangRate = hangRate;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Draws the fault of the next admitted request. */
    Fault next() {
        double outcome;
        boolean firstKind;
        synchronized (random) {
            outcome = random.nextDouble();
            firstKind = random.nextBoolean();
        }
        if (outcome < hangRate) {
            return Fault.HANG;
        }
        if (outcome < hangRate + errorRate) {
            return firstKind ? Fault.INTERNAL_ERROR : Fault.UNAVAILABLE;
        }
        return Fault.NONE;
    }
}

package dev.evals4j.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How long the provider takes to answer: a log-normal base latency ({@code median × e^(sigma·Z)},
 * {@code Z} standard normal; {@code sigma = 0} gives a constant) multiplied by a saturation factor
 * {@code max(1, inFlight / capacity)} once more than {@code capacity} requests are in flight.
 *
 * <p>Thread-safe: draws are serialized on the seeded {@link Random}, which this model owns. With a
 * fixed seed the sequence of base latencies is reproducible; which request gets which draw depends on
 * arrival order.
 */
final class LatencyModel {

    private final long medianNanos;
    private final double sigma;
    private final int capacity;
    private final Random random;

    /**
     * Creates a latency model.
     *
     * @param median the median base latency, not negative
     * @param sigma the spread of the log-normal, {@code 0} for a constant latency
     * @param capacity the number of requests in flight the provider serves without slowing down
     * @param random the source of randomness, owned by this model from now on
     */
    LatencyModel(Duration median, double sigma, int capacity, Random random) {
        this.medianNanos = Objects.requireNonNull(median, "median").toNanos();
        this.sigma = sigma;
        this.capacity = capacity;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Draws the latency of a request admitted while {@code inFlight} requests (itself included) are in
     * flight.
     */
    Duration sample(int inFlight) {
        double base = sigma == 0 ? medianNanos : medianNanos * Math.exp(sigma * nextGaussian());
        return Duration.ofNanos(Math.round(base * saturationFactor(inFlight, capacity)));
    }

    /**
     * The factor by which a saturated provider stretches latency: {@code 1} up to {@code capacity}
     * requests in flight, then proportional to the load.
     */
    static double saturationFactor(int inFlight, int capacity) {
        return inFlight <= capacity ? 1.0 : (double) inFlight / capacity;
    }

    private double nextGaussian() {
        synchronized (random) {
            return random.nextGaussian();
        }
    }
}

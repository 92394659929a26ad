package dev.evals4j.bench;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The makespan of a perfect client on a latency-bound scenario: it keeps every one of its slots busy,
 * and the simulator hands its latency draws out in arrival order, so each call takes the next draw and
 * the first slot that frees. Stateless.
 */
public final class IdealMakespan {

    private IdealMakespan() {}

    /**
     * The makespan of {@code latencies} (in seconds, in the order the calls start) run on {@code slots}
     * slots, each call starting on the first slot that frees.
     */
    public static double listScheduling(double[] latencies, int slots) {
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int i = 0; i < slots; i++) {
            freeAt.add(0.0);
        }
        double makespan = 0;
        for (double latency : latencies) {
            double end = freeAt.poll() + latency;
            makespan = Math.max(makespan, end);
            freeAt.add(end);
        }
        return makespan;
    }

    /**
     * The first {@code count} base latencies, in seconds, that a simulator with this median, spread and
     * seed draws: {@code median × e^(sigma·Z)} with {@code Z} the seeded {@link Random}'s Gaussians (its
     * latency model draws from {@code new Random(seed)} and nothing else).
     */
    public static double[] simulatorLatencies(Duration median, double sigma, long seed, int count) {
        Random random = new Random(seed);
        double medianSeconds = median.toNanos() / 1e9;
        double[] latencies = new double[count];
        for (int i = 0; i < count; i++) {
            latencies[i] = sigma == 0 ? medianSeconds : medianSeconds * Math.exp(sigma * random.nextGaussian());
        }
        return latencies;
    }
}

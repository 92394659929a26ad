package dev.evals4j.bench;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How fast a contender ramps up: the time it first completes rows at 90% of its final throughput.
 *
 * <p>The final throughput is the completion rate between the moments half and nine tenths of the
 * completions were reached: the steady state after the ramp and before the last rows drain. The rate at
 * a completion is the number of completions in the {@value #WINDOW_SECONDS} s window that ends with it,
 * divided by the window; the ramp is the first completion at which that rate reaches 90% of the final
 * throughput. A client at full speed from the start thus shows a ramp of at most one window. Stateless.
 */
public final class Ramp {

    /** The window the instantaneous completion rate is measured over, in seconds. */
    public static final double WINDOW_SECONDS = 0.5;

    private static final double SHARE = 0.9;
    private static final int MIN_STEADY_COMPLETIONS = 20;

    private Ramp() {}

    /**
     * The seconds from the start of the run to the first completion at 90% of the final throughput, or
     * empty when the run completed too few rows to tell (fewer than 20 in its steady state).
     *
     * @param completionSeconds when each row completed, in seconds since the start, in any order
     */
    public static OptionalDouble secondsToNinetyPercent(List<Double> completionSeconds) {
        double[] times = sorted(completionSeconds);
        double finalThroughput = finalThroughput(times);
        if (Double.isNaN(finalThroughput)) {
            return OptionalDouble.empty();
        }
        double needed = SHARE * finalThroughput * WINDOW_SECONDS;
        int windowStart = 0;
        for (int i = 0; i < times.length; i++) {
            while (times[windowStart] <= times[i] - WINDOW_SECONDS) {
                windowStart++;
            }
            if (i - windowStart + 1 >= needed) {
                return OptionalDouble.of(times[i]);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The completion rate between half and nine tenths of the completions, in rows per second; NaN when
     * fewer than 20 completions fall between them or they share one instant.
     */
    public static double finalThroughput(List<Double> completionSeconds) {
        return finalThroughput(sorted(completionSeconds));
    }

    private static double finalThroughput(double[] times) {
        int half = times.length / 2;
        int nineTenths = (int) (times.length * 0.9);
        int steady = nineTenths - half;
        if (steady < MIN_STEADY_COMPLETIONS || times[nineTenths] <= times[half]) {
            return Double.NaN;
        }
        return steady / (times[nineTenths] - times[half]);
    }

    private static double[] sorted(List<Double> completionSeconds) {
        return completionSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}

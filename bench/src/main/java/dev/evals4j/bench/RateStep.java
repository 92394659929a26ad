package dev.evals4j.bench;

import java.util.List;

/**
 * From {@code atSeconds} on, the simulated provider allows {@code requestsPerSecond}.
 *
 * @param atSeconds when this rate takes effect, in seconds since the simulator started
 * @param requestsPerSecond the allowed request rate from then on
 */
public record RateStep(double atSeconds, double requestsPerSecond) {

    /** Validates. */
    public RateStep {
        if (atSeconds < 0 || requestsPerSecond <= 0) {
            throw new IllegalArgumentException(
                    "RateStep needs atSeconds >= 0 and requestsPerSecond > 0, was " + atSeconds + ", " + requestsPerSecond);
        }
    }

    /**
     * The time a perfect client needs to have {@code requests} admitted under {@code schedule}
     * (ordered by {@code atSeconds}, the first step at 0): the integral of the rate reaching
     * {@code requests}.
     */
    public static double timeToServe(int requests, List<RateStep> schedule) {
        if (schedule.isEmpty() || schedule.get(0).atSeconds() != 0) {
            throw new IllegalArgumentException("a rate schedule must start at 0 s, was " + schedule);
        }
        double remaining = requests;
        for (int i = 0; i < schedule.size(); i++) {
            RateStep step = schedule.get(i);
            double stepSeconds = i + 1 < schedule.size()
                    ? schedule.get(i + 1).atSeconds() - step.atSeconds()
                    : Double.POSITIVE_INFINITY;
            double servable = stepSeconds * step.requestsPerSecond();
            if (remaining <= servable) {
                return step.atSeconds() + remaining / step.requestsPerSecond();
            }
            remaining -= servable;
        }
        throw new AssertionError("the last step is unbounded");
    }
}

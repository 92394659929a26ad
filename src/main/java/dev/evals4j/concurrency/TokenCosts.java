package dev.evals4j.concurrency;

/**
 * What a call costs in tokens, learned from the calls that reported their usage. A call comes with an
 * estimate (its prompt's length in tokens, say, which leaves out the completion); the cost charged for
 * it is the estimate times the ratio of usage to estimate seen so far (smoothed), or, for a call
 * without an estimate, the usage seen per call. Before any usage, the estimate is the cost. Not
 * thread-safe: its owner guards it.
 */
final class TokenCosts {

    /** The weight of the newest observation in the smoothed ratio and mean. */
    private static final double SMOOTHING = 0.2;

    private double usagePerEstimate = 1;
    private boolean ratioSeen;
    private double usagePerCall;
    private boolean usageSeen;

    /** The tokens a call estimated at {@code estimate} is expected to use. */
    double cost(long estimate) {
        if (estimate > 0) {
            return estimate * usagePerEstimate;
        }
        return usageSeen ? usagePerCall : 0;
    }

    /** Whether some call reported its usage, so that costs are in the provider's tokens. */
    boolean usageSeen() {
        return usageSeen;
    }

    /** Learns from a call estimated at {@code estimate} that used {@code used} tokens. */
    void learn(long estimate, long used) {
        if (used < 0) {
            return;
        }
        usagePerCall = usageSeen ? smooth(usagePerCall, used) : used;
        usageSeen = true;
        if (estimate > 0) {
            double ratio = (double) used / estimate;
            usagePerEstimate = ratioSeen ? smooth(usagePerEstimate, ratio) : ratio;
            ratioSeen = true;
        }
    }

    private static double smooth(double current, double observed) {
        return current + SMOOTHING * (observed - current);
    }
}

package dev.evals4j.concurrency;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A discrete-event model of a provider without limits whose calls take log-normal latencies (seeded),
 * kept busy at whatever limit a strategy allows: the latencies of LLM calls. Time moves on a
 * {@link ManualTicker} from one completion to the next. Not thread-safe.
 */
final class LogNormalProvider {

    private record Call(long startNanos, long endNanos) {}

    private final ManualTicker ticker;
    private final double medianNanos;
    private final double sigma;
    private final Random random;
    private final long origin;
    private final PriorityQueue<Call> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.endNanos(), b.endNanos()));
    private long reachedNanos = -1;
    private int lowestAfterReaching = Integer.MAX_VALUE;
    private final int target;

    /** A provider whose latencies have this median and log-spread, watching for the limit {@code target}. */
    LogNormalProvider(ManualTicker ticker, Duration median, double sigma, long seed, int target) {
        this.target = target;
        this.ticker = ticker;
        this.medianNanos = median.toNanos();
        this.sigma = sigma;
        this.random = new Random(seed);
        this.origin = ticker.nanoTime();
    }

    /** Completes {@code calls} calls, starting new ones whenever fewer than the limit are in flight. */
    void run(ConcurrencyStrategy strategy, int calls) {
        for (int done = 0; done < calls; done++) {
            fill(strategy);
            Call next = inFlight.poll();
            ticker.advance(Duration.ofNanos(next.endNanos() - ticker.nanoTime()));
            strategy.onSuccess(next.startNanos(), next.endNanos() - next.startNanos());
            observe(strategy.limit());
        }
    }

    /** Milliseconds from the start until the limit first reached the target ({@code Long.MAX_VALUE} if it never did). */
    long millisUntilTarget() {
        return reachedNanos < 0 ? Long.MAX_VALUE : (reachedNanos - origin) / 1_000_000;
    }

    /** The lowest limit seen after it first reached the target. */
    int lowestLimitAfterTarget() {
        return lowestAfterReaching;
    }

    private void fill(ConcurrencyStrategy strategy) {
        long now = ticker.nanoTime();
        while (inFlight.size() < strategy.limit()) {
            long latency = Math.round(medianNanos * Math.exp(sigma * random.nextGaussian()));
            inFlight.add(new Call(now, now + Math.max(1, latency)));
        }
    }

    private void observe(int limit) {
        if (reachedNanos < 0 && limit >= target) {
            reachedNanos = ticker.nanoTime();
        }
        if (reachedNanos >= 0) {
            lowestAfterReaching = Math.min(lowestAfterReaching, limit);
        }
    }
}

package dev.evals4j.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntToDoubleFunction;

/**
 * A deterministic fluid model of a provider kept busy at whatever limit a strategy allows: at limit
 * {@code c} it completes {@code throughputAt(c)} calls per second, each with the latency Little's law
 * gives ({@code c / throughput}), or, {@linkplain #paced paced}, with a fixed latency. Time moves in 1 ms
 * steps of a {@link ManualTicker}; the limit of every step is recorded. Not thread-safe.
 */
final class SimulatedLoad {

    private final ManualTicker ticker;
    private final IntToDoubleFunction throughputAt;
    private final IntToDoubleFunction latencySecondsAt;
    private final List<Integer> limitPerMillisecond = new ArrayList<>();
    private double pendingCompletions;

    private SimulatedLoad(ManualTicker ticker, IntToDoubleFunction throughputAt) {
        this(ticker, throughputAt, c -> c / throughputAt.applyAsDouble(c));
    }

    private SimulatedLoad(ManualTicker ticker, IntToDoubleFunction throughputAt, IntToDoubleFunction latencySecondsAt) {
        this.ticker = ticker;
        this.throughputAt = throughputAt;
        this.latencySecondsAt = latencySecondsAt;
    }

    /** A provider whose throughput grows linearly with concurrency: every call takes {@code latency}. */
    static SimulatedLoad scaling(ManualTicker ticker, Duration latency) {
        double seconds = latency.toNanos() / 1e9;
        return new SimulatedLoad(ticker, c -> c / seconds);
    }

    /** A provider that serves at most {@code capacity} calls at once; more only queue (latency grows). */
    static SimulatedLoad saturatingAt(int capacity, ManualTicker ticker, Duration latency) {
        double seconds = latency.toNanos() / 1e9;
        return new SimulatedLoad(ticker, c -> Math.min(c, capacity) / seconds);
    }

    /**
     * A provider whose calls take {@code latency} behind a pacer that starts at most {@code ratePerSecond}
     * of them: calls wait for the pacer before they start, so latency does not grow, and above
     * {@code ratePerSecond × latency} the calls no longer fill the limit.
     */
    static SimulatedLoad paced(double ratePerSecond, ManualTicker ticker, Duration latency) {
        double seconds = latency.toNanos() / 1e9;
        return new SimulatedLoad(ticker, c -> Math.min(c / seconds, ratePerSecond), c -> seconds);
    }

    /** Keeps the provider busy at the strategy's limit for {@code duration}. */
    void run(ConcurrencyStrategy strategy, Duration duration) {
        for (long ms = 0; ms < duration.toMillis(); ms++) {
            int limit = strategy.limit();
            limitPerMillisecond.add(limit);
            double throughput = throughputAt.applyAsDouble(limit);
            long latencyNanos = Math.round(latencySecondsAt.applyAsDouble(limit) * 1e9);
            pendingCompletions += throughput / 1000;
            while (pendingCompletions >= 1) {
                pendingCompletions -= 1;
                strategy.onSuccess(ticker.nanoTime() - latencyNanos, latencyNanos);
            }
            ticker.advanceMillis(1);
        }
    }

    /** The highest limit seen so far. */
    int peakLimit() {
        return limitPerMillisecond.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The highest limit seen in the last {@code window} of simulated time. */
    int peakLimitDuringLast(Duration window) {
        int size = limitPerMillisecond.size();
        return limitPerMillisecond.subList(Math.max(0, size - (int) window.toMillis()), size).stream()
                .mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The lowest limit seen in the last {@code window} of simulated time. */
    int lowestLimitDuringLast(Duration window) {
        int size = limitPerMillisecond.size();
        return limitPerMillisecond.subList(Math.max(0, size - (int) window.toMillis()), size).stream()
                .mapToInt(Integer::intValue).min().orElseThrow();
    }

    /** Milliseconds of simulated time until the limit first reached {@code limit}, if it did. */
    OptionalInt millisUntilLimit(int limit) {
        for (int ms = 0; ms < limitPerMillisecond.size(); ms++) {
            if (limitPerMillisecond.get(ms) >= limit) {
                return OptionalInt.of(ms);
            }
        }
        return OptionalInt.empty();
    }

    /** The limit of every simulated millisecond so far. */
    List<Integer> limitTrace() {
        return List.copyOf(limitPerMillisecond);
    }
}

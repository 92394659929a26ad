package dev.evals4j.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A deterministic model of several runners calling one rate-limited provider, each through its own
 * {@link RequestPacer}, in 1 ms steps of a {@link ManualTicker}. The provider's token bucket refills at
 * {@code rate} up to its burst; an admitted call answers after a seeded random latency in
 * {@code [minLatency, maxLatency]}, a rejected one at once with the exact wait for the next token, which
 * the runner's retry spreads as the executor does (0–25% more, at least 0–100 ms). A runner whose pacer
 * is a {@link SharedLimitPacer} syncs every {@value #SYNC_PERIOD_MILLIS} ms (the runners staggered
 * across the period) and once more right after a rate limit, as its sync thread does. Not thread-safe.
 */
final class SharedProviderModel {

    static final long SYNC_PERIOD_MILLIS = 250;

    /** What a run did: the provider's counts and the time the last runner finished. */
    record Run(int calls, int rejected, int rejectedInFirstSecond, long makespanMillis, List<Long> finishedMillis) {

        double rejectedShare() {
            return (double) rejected / calls;
        }

        /** The makespan over the ideal, {@code rows / rate}. */
        double ratio(int rows, double rate) {
            return makespanMillis / 1000.0 / (rows / rate);
        }

        @Override
        public String toString() {
            return String.format("%d calls, %d rejected (%.1f%%, %d in the first second), %d ms, runners finished"
                    + " at %s", calls, rejected, 100 * rejectedShare(), rejectedInFirstSecond, makespanMillis,
                    finishedMillis);
        }
    }

    private record Call(long startNanos, long endMillis, boolean admitted) {}

    private final class Runner {
        final ConcurrencyStrategy strategy;
        final RequestPacer pacer;
        final long syncOffset;
        final List<Call> inFlight = new ArrayList<>();
        final PriorityQueue<Long> retriesAt = new PriorityQueue<>();
        int waiting;
        int admitted;
        boolean syncSoon;
        long finishedAt = -1;

        Runner(Throttle throttle, int rows, long syncOffset) {
            this.strategy = throttle.strategy();
            this.pacer = throttle.pacer();
            this.waiting = rows;
            this.syncOffset = syncOffset;
        }

        boolean done() {
            return waiting == 0 && retriesAt.isEmpty() && inFlight.isEmpty();
        }
    }

    private final double rate;
    private final int burst;
    private final long minLatencyMillis;
    private final long maxLatencyMillis;
    private final Random random = new Random(7);

    SharedProviderModel(double rate, int burst, long minLatencyMillis, long maxLatencyMillis) {
        this.rate = rate;
        this.burst = burst;
        this.minLatencyMillis = minLatencyMillis;
        this.maxLatencyMillis = maxLatencyMillis;
    }

    /**
     * Runs {@code rowsPerRunner} rows through each of {@code throttles} (a runner's concurrency strategy
     * bounds its calls in flight, its pacer their starts), all runners starting at once.
     */
    Run run(List<Throttle> throttles, ManualTicker ticker, int rowsPerRunner, long capMillis) {
        List<Runner> runners = new ArrayList<>();
        for (int i = 0; i < throttles.size(); i++) {
            runners.add(new Runner(throttles.get(i), rowsPerRunner, i * SYNC_PERIOD_MILLIS / throttles.size()));
        }
        double tokens = burst;
        int calls = 0;
        int rejected = 0;
        int rejectedInFirstSecond = 0;
        long ms = 0;
        for (; ms < capMillis && !runners.stream().allMatch(Runner::done); ms++) {
            tokens = Math.min(burst, tokens + rate / 1000);
            for (Runner runner : runners) {
                if (runner.done()) {
                    continue;
                }
                for (Call call : List.copyOf(runner.inFlight)) {
                    if (call.endMillis() <= ms) {
                        runner.inFlight.remove(call);
                        if (call.admitted()) {
                            runner.admitted++;
                            runner.strategy.onSuccess(call.startNanos(), ticker.nanoTime() - call.startNanos());
                            runner.pacer.onSuccess(call.startNanos());
                        } else {
                            runner.strategy.onRateLimited(call.startNanos());
                            runner.pacer.onRateLimited(call.startNanos());
                            runner.syncSoon = true;
                        }
                    }
                }
                if (runner.pacer instanceof SharedLimitPacer shared
                        && (runner.syncSoon || ms % SYNC_PERIOD_MILLIS == runner.syncOffset)) {
                    runner.syncSoon = false;
                    shared.sync();
                }
                boolean retryReady = !runner.retriesAt.isEmpty() && runner.retriesAt.peek() <= ms;
                while ((retryReady || runner.waiting > 0) && runner.inFlight.size() < runner.strategy.limit()
                        && runner.pacer.tryAcquire() == 0) {
                    if (retryReady) {
                        runner.retriesAt.poll();
                    } else {
                        runner.waiting--;
                    }
                    calls++;
                    boolean admit = tokens >= 1;
                    long endMillis;
                    if (admit) {
                        tokens -= 1;
                        endMillis = ms + minLatencyMillis
                                + (long) (random.nextDouble() * (maxLatencyMillis - minLatencyMillis));
                    } else {
                        rejected++;
                        rejectedInFirstSecond += ms < 1_000 ? 1 : 0;
                        endMillis = ms + 1;
                        long waitMillis = (long) Math.ceil((1 - tokens) / rate * 1000);
                        long jitter = Math.max(100, waitMillis / 4);
                        runner.retriesAt.add(ms + 1 + waitMillis + (long) (random.nextDouble() * jitter));
                    }
                    runner.inFlight.add(new Call(ticker.nanoTime(), endMillis, admit));
                    retryReady = !runner.retriesAt.isEmpty() && runner.retriesAt.peek() <= ms;
                }
                if (runner.done()) {
                    runner.finishedAt = ms;
                    if (runner.pacer instanceof SharedLimitPacer shared) {
                        shared.close();
                    }
                }
            }
            ticker.advanceMillis(1);
        }
        return new Run(calls, rejected, rejectedInFirstSecond, ms, runners.stream().map(r -> r.finishedAt).toList());
    }
}

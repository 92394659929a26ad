package dev.evals4j.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * A deterministic model of a rate-limited provider driven by a {@link RequestPacer}, in 1 ms steps of a
 * {@link ManualTicker}: the provider's token bucket refills at a rate that may change over time
 * ({@code rateAt(millis)}) up to its burst; an admitted call answers after a fixed latency, a rejected
 * one at once with the exact wait for the next token, which the client spreads as the executor does
 * (a seeded random 0–25% more, at least 0–100 ms). Rows start whenever the pacer allows and fewer than
 * {@code maxInFlight} calls are in flight. The pacer's rate is sampled every 100 ms. Not thread-safe.
 */
final class RateLimitedProviderModel {

    /** What a run did. */
    record Run(int rows, int calls, int rejected, long makespanMillis, List<Double> ratePer100Millis) {

        double rejectedShare() {
            return (double) rejected / calls;
        }
    }

    private record Call(long startNanos, long endMillis, boolean admitted) {}

    private final LongToDoubleFunction rateAt;
    private final int burst;
    private final long latencyMillis;
    private final int maxInFlight;
    private final Random random = new Random(11);

    RateLimitedProviderModel(LongToDoubleFunction rateAt, int burst, long latencyMillis, int maxInFlight) {
        this.rateAt = rateAt;
        this.burst = burst;
        this.latencyMillis = latencyMillis;
        this.maxInFlight = maxInFlight;
    }

    /** Runs {@code rows} rows through {@code pacer} (driven by {@code ticker}) until all are admitted. */
    Run run(RequestPacer pacer, ManualTicker ticker, int rows, long capMillis) {
        double tokens = burst;
        List<Call> inFlight = new ArrayList<>();
        PriorityQueue<Long> retriesAt = new PriorityQueue<>();
        List<Double> rates = new ArrayList<>();
        int waiting = rows;
        int calls = 0;
        int rejected = 0;
        int admitted = 0;
        long ms = 0;
        for (; ms < capMillis && admitted < rows; ms++) {
            double rate = rateAt.applyAsDouble(ms);
            tokens = Math.min(burst, tokens + rate / 1000);
            for (Call call : List.copyOf(inFlight)) {
                if (call.endMillis() <= ms) {
                    inFlight.remove(call);
                    if (call.admitted()) {
                        admitted++;
                        pacer.onSuccess(call.startNanos());
                    } else {
                        pacer.onRateLimited(call.startNanos());
                    }
                }
            }
            boolean retryReady = !retriesAt.isEmpty() && retriesAt.peek() <= ms;
            while (inFlight.size() < maxInFlight && (retryReady || waiting > 0) && pacer.tryAcquire() == 0) {
                if (retryReady) {
                    retriesAt.poll();
                } else {
                    waiting--;
                }
                calls++;
                boolean admit = tokens >= 1;
                if (admit) {
                    tokens -= 1;
                } else {
                    rejected++;
                    long waitMillis = (long) Math.ceil((1 - tokens) / rate * 1000);
                    long jitter = Math.max(100, waitMillis / 4);
                    retriesAt.add(ms + 1 + waitMillis + (long) (random.nextDouble() * jitter));
                }
                inFlight.add(new Call(ticker.nanoTime(), ms + (admit ? latencyMillis : 1), admit));
                retryReady = !retriesAt.isEmpty() && retriesAt.peek() <= ms;
            }
            if (ms % 100 == 0) {
                rates.add(pacer.requestsPerSecond());
            }
            ticker.advanceMillis(1);
        }
        return new Run(rows, calls, rejected, ms, rates);
    }
}

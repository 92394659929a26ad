package dev.evals4j.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A deterministic model of the default {@link Throttle} (strategy and pacer together, dispatching as the
 * executor does) against a rate-limited provider with transient errors, in 1 ms steps of a
 * {@link ManualTicker}: the provider's token bucket refills at {@code rate} up to {@code burst}; an
 * admitted call answers after {@code latencyMillis}, with a seeded share of them a transient error; a
 * rejected one answers at once, and comes back after the exact wait for the next token plus the
 * executor's spread (a random 0–25% more, at least 0–100 ms); a failed one after 100–200 ms. A row
 * starts when fewer calls than the strategy's limit are in flight and the pacer allows it. Not
 * thread-safe.
 */
final class FlakyRateLimitedModel {

    /** What a run did: its makespan and the strategy's limit every millisecond. */
    record Run(long makespanMillis, int calls, int rejected, List<Integer> limitPerMillisecond) {

        /** The lowest limit from {@code fromMillis} to the end. */
        int lowestLimitFrom(long fromMillis) {
            return limitPerMillisecond.subList((int) fromMillis, limitPerMillisecond.size()).stream()
                    .mapToInt(Integer::intValue).min().orElseThrow();
        }
    }

    private enum Answer { SUCCESS, ERROR, RATE_LIMITED }

    private record Call(long startNanos, long endMillis, Answer answer) {}

    private final double rate;
    private final int burst;
    private final long latencyMillis;
    private final double errorRate;
    private final Random random = new Random(7);

    FlakyRateLimitedModel(double rate, int burst, long latencyMillis, double errorRate) {
        this.rate = rate;
        this.burst = burst;
        this.latencyMillis = latencyMillis;
        this.errorRate = errorRate;
    }

    /** Runs {@code rows} rows through {@code throttle} (driven by {@code ticker}) until every one succeeded. */
    Run run(Throttle throttle, ManualTicker ticker, int rows, long capMillis) {
        ConcurrencyStrategy strategy = throttle.strategy();
        RequestPacer pacer = throttle.pacer();
        double tokens = burst;
        List<Call> inFlight = new ArrayList<>();
        PriorityQueue<Long> retriesAt = new PriorityQueue<>();
        List<Integer> limits = new ArrayList<>();
        int waiting = rows;
        int succeeded = 0;
        int calls = 0;
        int rejected = 0;
        long ms = 0;
        for (; ms < capMillis && succeeded < rows; ms++) {
            tokens = Math.min(burst, tokens + rate / 1000);
            for (Call call : List.copyOf(inFlight)) {
                if (call.endMillis() <= ms) {
                    inFlight.remove(call);
                    switch (call.answer()) {
                        case SUCCESS -> {
                            succeeded++;
                            strategy.onSuccess(call.startNanos(), ticker.nanoTime() - call.startNanos());
                            pacer.onSuccess(call.startNanos());
                        }
                        case ERROR -> {
                            strategy.onError(call.startNanos());
                            retriesAt.add(ms + 100 + random.nextInt(100));
                        }
                        case RATE_LIMITED -> {
                            strategy.onRateLimited(call.startNanos());
                            pacer.onRateLimited(call.startNanos());
                        }
                    }
                }
            }
            while (inFlight.size() < strategy.limit() && (hasReadyRetry(retriesAt, ms) || waiting > 0)) {
                if (pacer.tryAcquire() > 0) {
                    break;
                }
                if (hasReadyRetry(retriesAt, ms)) {
                    retriesAt.poll();
                } else {
                    waiting--;
                }
                calls++;
                Answer answer;
                if (tokens >= 1) {
                    tokens -= 1;
                    answer = random.nextDouble() < errorRate ? Answer.ERROR : Answer.SUCCESS;
                } else {
                    rejected++;
                    answer = Answer.RATE_LIMITED;
                    long waitMillis = (long) Math.ceil((1 - tokens) / rate * 1000);
                    long jitter = Math.max(100, waitMillis / 4);
                    retriesAt.add(ms + 1 + waitMillis + (long) (random.nextDouble() * jitter));
                }
                long end = ms + (answer == Answer.RATE_LIMITED ? 1 : latencyMillis);
                inFlight.add(new Call(ticker.nanoTime(), end, answer));
            }
            limits.add(strategy.limit());
            ticker.advanceMillis(1);
        }
        return new Run(ms, calls, rejected, limits);
    }

    private static boolean hasReadyRetry(PriorityQueue<Long> retriesAt, long ms) {
        return !retriesAt.isEmpty() && retriesAt.peek() <= ms;
    }
}

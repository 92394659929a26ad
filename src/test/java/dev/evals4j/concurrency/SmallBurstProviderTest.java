package dev.evals4j.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default pacer against a provider that admits 20 requests/s with a burst of 2 and answers a 429
 * at once, driven in 1 ms steps of a {@link ManualTicker}: ten calls in flight from the start (the
 * default strategy's initial limit), 50 ms per admitted call, a rejected row back after a second (its
 * {@code Retry-After}), 200 rows over 12 s. Left unpaced until it could measure five successes in a
 * second, the pacer let every row hit the limit again and again: 970 of 980 calls were rejected.
 */
class SmallBurstProviderTest {

    private static final double RATE = 20;
    private static final int BURST = 2;
    private static final long LATENCY_MILLIS = 50;
    private static final long RETRY_AFTER_MILLIS = 1_000;
    private static final int IN_FLIGHT = 10;

    private final ManualTicker ticker = new ManualTicker();

    /** A call in flight: when it started, when it ends, whether the provider admitted it. */
    private record Call(long startNanos, long endMillis, boolean admitted) {}

    @Test
    void twoHundredRowsAreAdmittedNearTheProvidersRateWithFewRejections() {
        RequestPacer pacer = ConcurrencyStrategies.defaults(100, ticker).pacer();
        double tokens = BURST;
        List<Call> inFlight = new ArrayList<>();
        List<Long> retriesAt = new ArrayList<>(); // in the order they become ready
        int rows = 200;
        int sent = 0;
        int rejected = 0;
        int admitted = 0;
        long lastAdmittedMillis = -1;
        for (long ms = 0; ms < 12_000; ms++) {
            tokens = Math.min(BURST, tokens + RATE / 1000);
            for (Call call : List.copyOf(inFlight)) {
                if (call.endMillis() <= ms) {
                    inFlight.remove(call);
                    if (call.admitted()) {
                        pacer.onSuccess(call.startNanos());
                    } else {
                        pacer.onRateLimited(call.startNanos());
                        retriesAt.add(ms + RETRY_AFTER_MILLIS);
                    }
                }
            }
            while (inFlight.size() < IN_FLIGHT && (hasReadyRetry(retriesAt, ms) || rows > 0)
                    && pacer.tryAcquire() == 0) {
                if (hasReadyRetry(retriesAt, ms)) {
                    retriesAt.remove(0);
                } else {
                    rows--;
                }
                sent++;
                boolean admit = tokens >= 1;
                if (admit) {
                    tokens -= 1;
                    admitted++;
                    lastAdmittedMillis = ms;
                } else {
                    rejected++;
                }
                inFlight.add(new Call(ticker.nanoTime(), ms + (admit ? LATENCY_MILLIS : 1), admit));
            }
            ticker.advanceMillis(1);
        }

        assertThat((double) rejected / sent).as("%d of %d calls rejected", rejected, sent).isLessThan(0.15);
        assertThat(admitted).as("every row admitted").isEqualTo(200);
        assertThat(lastAdmittedMillis).as("the last row admitted within 1.15 x N / R").isLessThan(11_500);
    }

    private static boolean hasReadyRetry(List<Long> retriesAt, long ms) {
        return !retriesAt.isEmpty() && retriesAt.get(0) <= ms;
    }
}

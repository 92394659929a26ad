package dev.evals4j.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The mutable counters behind {@link Stats}; the provider's {@link ChatHandler} is their only writer.
 *
 * <p>Thread-safe: each counter is atomic. A {@link #snapshot()} taken while requests are running reads
 * the counters one after the other, so it is consistent per counter, not across counters.
 */
final class StatsRecorder {

    private final LongAdder received = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder hangs = new LongAdder();
    private final LongAdder badRequests = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, Integer> callsByPrompt = new ConcurrentHashMap<>();
    private final Map<String, Integer> requestsByPrompt = new ConcurrentHashMap<>();

    /** A request reached the endpoint. */
    void received() {
        received.increment();
    }

    /** A well-formed request asked {@code prompt}. */
    void asked(String prompt) {
        requestsByPrompt.merge(prompt, 1, Integer::sum);
    }

    /** A request was answered {@code 400}, {@code 404} or {@code 405}. */
    void badRequest() {
        badRequests.increment();
    }

    /** A request was rejected by the rate limit. */
    void rejected() {
        rejected.increment();
    }

    /** A request was chosen to hang. */
    void hang() {
        hangs.increment();
    }

    /**
     * An admitted request starts being served.
     *
     * @return the number of requests in flight, this one included
     */
    int enterFlight() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return now;
    }

    /** A request in flight was answered {@code 200} for {@code prompt}. */
    void completed(String prompt) {
        inFlight.decrementAndGet();
        completed.increment();
        callsByPrompt.merge(prompt, 1, Integer::sum);
    }

    /** A request in flight was answered with an injected server error. */
    void failed() {
        inFlight.decrementAndGet();
        errors.increment();
    }

    /** A snapshot of the counters. */
    Stats snapshot() {
        return new Stats(received.sum(), completed.sum(), rejected.sum(), errors.sum(), hangs.sum(),
                badRequests.sum(), inFlight.get(), maxInFlight.get(), callsByPrompt, requestsByPrompt);
    }
}

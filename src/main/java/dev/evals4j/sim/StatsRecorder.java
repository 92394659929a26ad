package dev.evals4j.sim;

import dev.evals4j.concurrency.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The mutable counters behind {@link Stats}; the provider's {@link ChatHandler} is their only writer.
 *
 * <p>Early calls are judged on the provider's {@link Ticker}, the one its rate limit reads: a {@code 429}
 * for a prompt remembers the instant its {@code Retry-After} points to, before the answer is sent, and
 * a later request for that prompt arriving before it is an early call.
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
    private final Map<String, Long> notBeforeByPrompt = new ConcurrentHashMap<>();
    private final LongAdder earlyCalls = new LongAdder();
    private final Ticker ticker;

    /** @param ticker the provider's time source, which early calls are judged on */
    StatsRecorder(Ticker ticker) {
        this.ticker = ticker;
    }

    /** A request reached the endpoint. */
    void received() {
        received.increment();
    }

    /** A well-formed request asked {@code prompt}; it is early if a 429 for it asked to wait past now. */
    void asked(String prompt) {
        requestsByPrompt.merge(prompt, 1, Integer::sum);
        Long notBefore = notBeforeByPrompt.get(prompt);
        if (notBefore != null && ticker.nanoTime() - notBefore < 0) {
            earlyCalls.increment();
        }
    }

    /** A request was answered {@code 400}, {@code 404} or {@code 405}. */
    void badRequest() {
        badRequests.increment();
    }

    /**
     * A request for {@code prompt} was rejected by the rate limit, with {@code retryAfter} as the wait
     * it announces; called before the answer is sent. An earlier, later-ending wait for the prompt is kept.
     */
    void rejected(String prompt, Duration retryAfter) {
        rejected.increment();
        long notBefore = ticker.nanoTime() + retryAfter.toNanos();
        notBeforeByPrompt.merge(prompt, notBefore, (earlier, later) -> later - earlier > 0 ? later : earlier);
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
                badRequests.sum(), inFlight.get(), maxInFlight.get(), callsByPrompt, requestsByPrompt,
                earlyCalls.sum());
    }
}

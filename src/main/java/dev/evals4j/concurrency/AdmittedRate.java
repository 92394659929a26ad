package dev.evals4j.concurrency;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.OptionalDouble;

/**
 * The rate of events lately, such as the successes of the requests a provider admitted or the starts
 * of requests: events per second over the last second (or since the first event, when that is more
 * recent, but never over less than {@value #MIN_SPAN_MILLIS} ms). Not thread-safe: its owner guards it.
 */
final class AdmittedRate {

    /** Events the last second must hold for a measurement. */
    static final int MIN_SUCCESSES = 5;
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final long MIN_SPAN_MILLIS = 50;

    private final Deque<Long> eventTimes = new ArrayDeque<>();
    private long firstEvent;
    private boolean any;

    /** Records an event (a success that ended, a request that started) at {@code nowNanos}. */
    void record(long nowNanos) {
        if (!any) {
            any = true;
            firstEvent = nowNanos;
        }
        eventTimes.addLast(nowNanos);
        forgetBefore(nowNanos - WINDOW_NANOS);
    }

    /** Events per second lately, or empty with fewer than {@value #MIN_SUCCESSES} in the last second. */
    OptionalDouble perSecond(long nowNanos) {
        forgetBefore(nowNanos - WINDOW_NANOS);
        if (eventTimes.size() < MIN_SUCCESSES) {
            return OptionalDouble.empty();
        }
        long span = Math.max(MIN_SPAN_MILLIS * 1_000_000L, Math.min(WINDOW_NANOS, nowNanos - firstEvent));
        return OptionalDouble.of(eventTimes.size() * 1e9 / span);
    }

    /**
     * The rate lately as the provider admits it now: the larger of the rate over the last second and
     * over its last half (each with at least {@value #MIN_SUCCESSES} events), or empty when neither
     * holds enough. A second in which the rate climbed (after a decrease, or from a provisional
     * start) averages the climb and understates the rate at its end; the last half second follows it.
     */
    OptionalDouble latestPerSecond(long nowNanos) {
        OptionalDouble second = perSecond(nowNanos);
        int recent = countAfter(nowNanos - WINDOW_NANOS / 2);
        if (recent < MIN_SUCCESSES) {
            return second; // the whole second holds at least as many
        }
        long span = Math.max(MIN_SPAN_MILLIS * 1_000_000L, Math.min(WINDOW_NANOS / 2, nowNanos - firstEvent));
        return OptionalDouble.of(Math.max(second.getAsDouble(), recent * 1e9 / span));
    }

    private int countAfter(long cutoff) {
        int count = 0;
        Iterator<Long> newestFirst = eventTimes.descendingIterator();
        while (newestFirst.hasNext() && newestFirst.next() > cutoff) {
            count++;
        }
        return count;
    }

    /** Forgets every event. */
    void clear() {
        eventTimes.clear();
        any = false;
    }

    private void forgetBefore(long cutoff) {
        while (!eventTimes.isEmpty() && eventTimes.peekFirst() <= cutoff) {
            eventTimes.removeFirst();
        }
    }
}

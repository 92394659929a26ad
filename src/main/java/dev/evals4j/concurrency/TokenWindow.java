package dev.evals4j.concurrency;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * The tokens of events lately, such as the tokens of the calls a provider admitted: tokens per second
 * over the last second (or since the first event, when that is more recent, but never over less than
 * {@value #MIN_SPAN_MILLIS} ms), as {@link AdmittedRate} counts events. Not thread-safe: its owner
 * guards it.
 */
final class TokenWindow {

    private static final long WINDOW_NANOS = 1_000_000_000L;
    private static final long MIN_SPAN_MILLIS = 50;

    private record Event(long nanos, double tokens) {}

    private final Deque<Event> events = new ArrayDeque<>();
    private double sum;
    private long firstEvent;
    private boolean any;

    /** Records an event of {@code tokens} at {@code nowNanos}. */
    void record(long nowNanos, double tokens) {
        if (!any) {
            any = true;
            firstEvent = nowNanos;
        }
        events.addLast(new Event(nowNanos, tokens));
        sum += tokens;
        forgetBefore(nowNanos - WINDOW_NANOS);
    }

    /** Tokens per second lately, or empty with fewer than {@value AdmittedRate#MIN_SUCCESSES} events in the last second. */
    OptionalDouble perSecond(long nowNanos) {
        forgetBefore(nowNanos - WINDOW_NANOS);
        if (events.size() < AdmittedRate.MIN_SUCCESSES) {
            return OptionalDouble.empty();
        }
        long span = Math.max(MIN_SPAN_MILLIS * 1_000_000L, Math.min(WINDOW_NANOS, nowNanos - firstEvent));
        return OptionalDouble.of(sum * 1e9 / span);
    }

    /** The tokens of the last second's events, however few. */
    double lastSecond(long nowNanos) {
        forgetBefore(nowNanos - WINDOW_NANOS);
        return sum;
    }

    /** Forgets every event. */
    void clear() {
        events.clear();
        sum = 0;
        any = false;
    }

    private void forgetBefore(long cutoff) {
        while (!events.isEmpty() && events.peekFirst().nanos() <= cutoff) {
            sum -= events.removeFirst().tokens();
        }
        if (events.isEmpty()) {
            sum = 0;
        }
    }
}

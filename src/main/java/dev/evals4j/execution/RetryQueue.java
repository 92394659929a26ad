package dev.evals4j.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Items waiting for another attempt. An item waits until its not-before time (ticker nanos), then
 * becomes ready; among ready items, the one with the most retries goes first (it has waited
 * longest and is closest to a final status), then the earliest not-before time, then the
 * earliest added. A waiting item holds no thread. Single-owner (the dispatcher); not thread-safe.
 *
 * @param <T> the item type
 */
final class RetryQueue<T> {

    private record Entry<T>(T item, int retries, long notBefore, long sequence) {}

    /** Earliest not-before first (compared as a nanoTime difference), then first added. */
    private static final Comparator<Entry<?>> BY_TIME = (a, b) -> a.notBefore() != b.notBefore()
            ? Long.compare(a.notBefore() - b.notBefore(), 0)
            : Long.compare(a.sequence(), b.sequence());
    private static final Comparator<Entry<?>> BY_PRIORITY =
            Comparator.<Entry<?>>comparingInt(e -> -e.retries()).thenComparing(BY_TIME);

    private final PriorityQueue<Entry<T>> waiting = new PriorityQueue<>(BY_TIME);
    private final PriorityQueue<Entry<T>> ready = new PriorityQueue<>(BY_PRIORITY);
    private long sequence;

    /** Queues {@code item}, retried {@code retries} times so far, to become ready at {@code notBeforeNanos}. */
    void add(T item, int retries, long notBeforeNanos) {
        waiting.add(new Entry<>(item, retries, notBeforeNanos, sequence++));
    }

    /** The ready item that goes first, without removing it, or {@code null}. */
    T peekReady(long nowNanos) {
        promote(nowNanos);
        Entry<T> head = ready.peek();
        return head == null ? null : head.item();
    }

    /** Removes and returns the ready item that goes first, or {@code null}. */
    T pollReady(long nowNanos) {
        promote(nowNanos);
        Entry<T> head = ready.poll();
        return head == null ? null : head.item();
    }

    /** The earliest not-before time of the items still waiting, if any. */
    OptionalLong nextNotBefore() {
        Entry<T> head = waiting.peek();
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.notBefore());
    }

    boolean isEmpty() {
        return waiting.isEmpty() && ready.isEmpty();
    }

    /** Removes and returns every item, ready or not. */
    List<T> drain() {
        List<T> all = new ArrayList<>(ready.size() + waiting.size());
        ready.forEach(e -> all.add(e.item()));
        waiting.forEach(e -> all.add(e.item()));
        ready.clear();
        waiting.clear();
        return all;
    }

    private void promote(long nowNanos) {
        while (!waiting.isEmpty() && waiting.peek().notBefore() - nowNanos <= 0) {
            ready.add(waiting.poll());
        }
    }
}

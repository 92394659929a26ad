package dev.evals4j.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between the input reader and the dispatcher: the reader blocks while it is
 * full, which keeps a huge iterator from being read ahead. A reader blocked on a full channel is woken
 * once the dispatcher has taken half of it, not at every item: it then refills that half in one go,
 * and the dispatcher pays for one wake-up per half a channel instead of one per item. Its capacity can
 * only grow (as the concurrency limit does). Once closed it accepts nothing more. Thread-safe.
 *
 * @param <T> the element type
 */
final class InputChannel<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private int capacity;
    private boolean closed;

    InputChannel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** What {@link #put} did. */
    enum Put {
        /** The channel is closed: the item was not added. */
        REFUSED,
        /** Added behind others: whoever takes from the channel has something to take already. */
        QUEUED,
        /** Added to an empty channel: whoever found it empty may want to hear of it. */
        FIRST
    }

    /** Adds {@code item}, waiting while the channel is full. */
    Put put(T item) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && items.size() >= capacity) {
                notFull.await();
            }
            if (closed) {
                return Put.REFUSED;
            }
            items.addLast(item);
            return items.size() == 1 ? Put.FIRST : Put.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest element, without removing it, or {@code null}. */
    T peek() {
        lock.lock();
        try {
            return items.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest element, or {@code null}. */
    T poll() {
        lock.lock();
        try {
            T item = items.pollFirst();
            if (item != null && items.size() == capacity / 2) {
                notFull.signal();
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        lock.lock();
        try {
            return capacity;
        } finally {
            lock.unlock();
        }
    }

    /** Raises the capacity to at least {@code minimum}. */
    void ensureCapacity(int minimum) {
        lock.lock();
        try {
            if (minimum > capacity) {
                capacity = minimum;
                notFull.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the channel and returns what it still held, oldest first. */
    List<T> close() {
        lock.lock();
        try {
            closed = true;
            List<T> left = new ArrayList<>(items);
            items.clear();
            notFull.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}

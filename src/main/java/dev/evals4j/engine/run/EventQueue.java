package dev.evals4j.engine.run;

import dev.evals4j.engine.row.RowEvent;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-over between the threads that run rows and the one thread that talks to JUnit: any thread
 * may {@link #put} an event; only the engine thread {@link #takeBatch takes} them, a batch at a time.
 *
 * <p>A producer wakes the engine thread only when it is waiting on an empty queue, and after a small
 * batch the engine thread lets events gather for {@value #GATHER_MICROS} µs before it looks again: rows
 * that end thousands of times a second then cost it one wake-up per batch instead of one each, for a
 * delay nobody sees. After a large batch (it is behind) it looks again at once. Thread-safe.
 */
final class EventQueue {

    /** How long the engine thread lets events gather after a small batch. */
    static final long GATHER_MICROS = 500;
    /** A batch at least this large means the engine thread is behind: it does not wait before the next. */
    static final int LARGE_BATCH = 64;

    private final BlockingQueue<RowEvent> events = new LinkedBlockingQueue<>();

    /** Adds an event; never blocks. */
    public void put(RowEvent event) {
        events.add(event);
    }

    /**
     * Moves the queued events into {@code batch}, oldest first, waiting up to {@code timeoutMillis} for
     * the first when there is none; leaves {@code batch} empty when none arrived.
     *
     * @param previousBatch the size of the batch taken before, which decides whether events gather first
     */
    public void takeBatch(List<RowEvent> batch, int previousBatch, long timeoutMillis) throws InterruptedException {
        if (previousBatch > 0 && previousBatch < LARGE_BATCH) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(GATHER_MICROS));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        RowEvent first = events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            events.drainTo(batch);
        }
    }
}

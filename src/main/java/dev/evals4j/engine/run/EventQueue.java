package dev.evals4j.engine.run;

import dev.evals4j.engine.row.RowEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The hand-over between the threads that run rows and the one thread that talks to JUnit: any thread
 * may {@link #put} an event; only the engine thread {@link #poll}s. Thread-safe.
 */
final class EventQueue {

    private final BlockingQueue<RowEvent> events = new LinkedBlockingQueue<>();

    /** Adds an event; never blocks. */
    public void put(RowEvent event) {
        events.add(event);
    }

    /** The next event, waiting at most {@code timeoutMillis}; {@code null} when none arrived. */
    public RowEvent poll(long timeoutMillis) throws InterruptedException {
        return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}

package dev.evals4j.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what evals4j logs (through System.Logger's default backend, java.util.logging) at or above a
 * level, from {@link #start()} to {@link #stop()}. Thread-safe: the engine logs from several threads.
 */
final class LogRecorder extends Handler {

    private final Logger evals4j = Logger.getLogger("dev.evals4j");
    private final Level threshold;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogRecorder(Level threshold) {
        this.threshold = threshold;
    }

    void start() {
        evals4j.addHandler(this);
    }

    void stop() {
        evals4j.removeHandler(this);
    }

    /** Each record so far as {@code logger: message}. */
    List<String> lines() {
        return records.stream().map(record -> record.getLoggerName() + ": " + record.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= threshold.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}

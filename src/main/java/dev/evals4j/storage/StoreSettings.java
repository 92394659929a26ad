package dev.evals4j.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link JdbcResultStore}.
 *
 * @param busyTimeout how long a statement waits for a lock held by another connection or process
 *     before the store reports the database as locked (SQLite's {@code busy_timeout})
 * @param batchSize the most writes the writer thread commits in one transaction
 * @param queueCapacity the most writes waiting for the writer; {@link ResultStore#record} blocks
 *     beyond it (back-pressure, flat memory)
 */
record StoreSettings(Duration busyTimeout, int batchSize, int queueCapacity) {

    /** Validates. */
    public StoreSettings {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("busyTimeout=" + busyTimeout + ", batchSize=" + batchSize
                    + ", queueCapacity=" + queueCapacity + ": none may be negative, the sizes must be >= 1");
        }
    }

    /** A busy timeout of 5 s, batches of 1,000 writes, a queue of 10,000. */
    public static StoreSettings defaults() {
        return new StoreSettings(Duration.ofSeconds(5), 1_000, 10_000);
    }

    /** A copy with another busy timeout. */
    public StoreSettings withBusyTimeout(Duration timeout) {
        return new StoreSettings(timeout, batchSize, queueCapacity);
    }
}

package dev.evals4j.storage;

/**
 * Keeps the first background failure of a store so that every later operation reports it.
 * Thread-safe.
 */
final class FailureLatch {

    private volatile StoreException failure;

    /** Keeps {@code cause} unless a failure is already kept; returns the kept failure. */
    synchronized StoreException fail(StoreException cause) {
        if (failure == null) {
            failure = cause;
        }
        return failure;
    }

    /** Throws the kept failure, if any, wrapped so that the caller's stack shows too. */
    void throwIfFailed() {
        StoreException kept = failure;
        if (kept != null) {
            throw new StoreException(kept.getMessage(), kept);
        }
    }

    /** The kept failure, or {@code null}. */
    StoreException failure() {
        return failure;
    }
}

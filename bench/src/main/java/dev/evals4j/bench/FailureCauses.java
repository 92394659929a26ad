package dev.evals4j.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts the final failures of a run by the simple class name of their exception, so the table
 * can say why rows failed (a 429 storm that ends in timeouts reads differently from exhausted 5xx retries).
 *
 * <p>Thread-safe: the JUnit contender reports failures from its listener, the executor contenders
 * from their dispatcher thread.
 */
public final class FailureCauses {

    private final Map<String, Integer> counts = new TreeMap<>();

    /** Counts one row that failed with {@code failure} ({@code null} counts as {@code unknown}). */
    public synchronized void add(Throwable failure) {
        counts.merge(failure == null ? "unknown" : failure.getClass().getSimpleName(), 1, Integer::sum);
    }

    /** The counts so far, by exception name, in name order. */
    public synchronized Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** The counts as {@code HttpTimeoutException x 3, ProviderHttpException x 1}, or an empty string. */
    public synchronized String describe() {
        return counts.entrySet().stream()
                .map(entry -> entry.getKey() + " x " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}

package dev.evals4j.bench;

/**
 * How many rows the engine-overhead classes generate. The engines instantiate those classes themselves,
 * so the count reaches them through this holder. Thread-safe: the count is volatile.
 */
final class OverheadRows {

    private static volatile int count;

    private OverheadRows() {}

    static int count() {
        return count;
    }

    static void set(int rows) {
        count = rows;
    }
}

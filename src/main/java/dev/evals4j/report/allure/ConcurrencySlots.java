package dev.evals4j.report.allure;

import java.util.BitSet;

/**
 * Numbers the rows in flight like the threads of a pool: a starting row takes the lowest free slot
 * (1, 2, 3...) and a finishing row frees its own, so that no two overlapping rows share a slot and a
 * run that never had more than N rows in flight uses slots 1 to N. Not thread-safe.
 */
final class ConcurrencySlots {

    private final BitSet taken = new BitSet();

    /** Takes and returns the lowest free slot, counting from 1. */
    int take() {
        int slot = taken.nextClearBit(1);
        taken.set(slot);
        return slot;
    }

    /** Frees {@code slot}, which {@link #take()} returned and was not freed since. */
    void free(int slot) {
        if (slot < 1 || !taken.get(slot)) {
            throw new IllegalStateException("slot " + slot + " is not taken");
        }
        taken.clear(slot);
    }
}

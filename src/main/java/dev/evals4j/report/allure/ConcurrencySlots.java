package dev.evals4j.report.allure;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers rows like the threads of a pool, from their real start and end: a row takes the lowest slot
 * (1, 2, 3...) whose rows had all ended before the millisecond it started, and holds it until it ended. Rows
 * are given in the order they ended (the order the engine reports them finished), so every row given
 * earlier ended no later than the one given now, and it may overlap a slot's rows only when it started no
 * later than the slot's last end (within one millisecond the order is unknown, so that counts as overlap):
 * no two overlapping rows share a slot, and a run that never had more than N rows in flight uses few more
 * slots than N. Rows registered only when they finish (under a {@code @Threshold}) get the slots they had
 * when they ran, like live rows. Not thread-safe.
 */
final class ConcurrencySlots {

    /** The latest end (epoch milliseconds) of the rows of slot {@code i + 1}. */
    private final List<Long> busyUntil = new ArrayList<>();

    /** The slot, counting from 1, of a row that ran from {@code startMillis} to {@code endMillis}. */
    int take(long startMillis, long endMillis) {
        for (int i = 0; i < busyUntil.size(); i++) {
            if (busyUntil.get(i) < startMillis) {
                busyUntil.set(i, Math.max(busyUntil.get(i), endMillis));
                return i + 1;
            }
        }
        busyUntil.add(endMillis);
        return busyUntil.size();
    }
}

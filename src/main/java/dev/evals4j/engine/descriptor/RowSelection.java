package dev.evals4j.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which rows of a {@code @ForEach} method run: all of them (a class or method was selected), or only
 * the rows named by unique id selectors (an IDE re-running one row).
 *
 * <p>Written only during discovery and read only during execution, each time by one thread; the
 * launcher's hand-over between the two phases publishes it safely.
 */
@API(status = INTERNAL, since = "0.1")
public final class RowSelection {

    private boolean all;
    private final Set<RowKey> keys = new LinkedHashSet<>();

    /** Selects every row; wins over any single-row selection. */
    public void selectAll() {
        all = true;
    }

    /** Adds one row (or one repetition of it). */
    public void select(RowKey key) {
        keys.add(key);
    }

    /** Whether repetition {@code repetition} of row {@code rowId} runs. */
    public boolean includes(String rowId, int repetition) {
        return all || keys.stream().anyMatch(k -> k.matches(rowId, repetition));
    }

    @Override
    public String toString() {
        return all ? "all rows" : "rows " + keys;
    }
}

package dev.evals4j.dataset;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps the entries whose id is in a set: what runs a single row again when an IDE selects it.
 * A {@link MalformedEntry}'s id is its index, as for a row without an {@code id} column.
 *
 * @param ids the row ids to keep
 */
record RowIdFilter(Set<String> ids) implements Predicate<DatasetEntry> {

    /** Validates and copies. */
    public RowIdFilter {
        ids = Set.copyOf(ids);
    }

    /** A filter that keeps the given ids. */
    public static RowIdFilter of(String... ids) {
        return new RowIdFilter(Set.of(ids));
    }

    /** Whether {@code entry}'s id is one of {@link #ids()}. */
    @Override
    public boolean test(DatasetEntry entry) {
        return ids.contains(idOf(entry));
    }

    /** The id of any entry: a row's id, or a malformed entry's index. */
    static String idOf(DatasetEntry entry) {
        if (entry instanceof Row row) {
            return row.id();
        }
        return ((MalformedEntry) entry).id();
    }

    @Override
    public String toString() {
        return "row ids " + ids.stream().sorted().toList();
    }
}

package dev.evals4j.dataset;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One dataset row: a stable id, its 0-based position in the dataset, and its columns in dataset
 * order.
 *
 * <p>The id is the row's {@code id} column when it has one, otherwise its index as a string. It is
 * what a row's JUnit unique id and its stored results are keyed by; {@link #contentHash()} tells
 * whether a stored result still belongs to the same content.
 *
 * <p>A value with the equality of a record of its four components. It is a class only so that it can
 * keep its content hash once computed: a row is hashed when it is read, looked up in the store and
 * recorded, and hashing is most of what a row costs the engine. Thread-safe: immutable, but for that
 * hash, which any thread may compute and which is always the same text.
 */
@API(status = INTERNAL, since = "0.1")
public final class Row implements DatasetEntry {

    private final String id;
    private final long index;
    private final Map<String, Object> columns;
    private final String location;
    /** The content hash once computed; racing threads compute the same text, as {@link String#hashCode()}. */
    private String contentHash;

    /**
     * Validates and copies, keeping the column order.
     *
     * @param id the stable id
     * @param index the 0-based position in the dataset
     * @param columns the columns, in dataset order; values may be {@code null}
     * @param location where the row came from, for messages (for example {@code data/qa.jsonl:12})
     */
    public Row(String id, long index, Map<String, Object> columns, String location) {
        this.id = Objects.requireNonNull(id, "id");
        this.index = index;
        this.location = Objects.requireNonNull(location, "location");
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The stable id. */
    public String id() {
        return id;
    }

    /** The 0-based position in the dataset. */
    @Override
    public long index() {
        return index;
    }

    /** The columns, in dataset order; unmodifiable, values may be {@code null}. */
    public Map<String, Object> columns() {
        return columns;
    }

    /** Where the row came from, for messages (for example {@code data/qa.jsonl:12}). */
    @Override
    public String location() {
        return location;
    }

    /** The value of {@code column}, or {@code null} if absent. */
    public Object get(String column) {
        return columns.get(column);
    }

    /** The column names, in dataset order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /**
     * A hex SHA-256 of the row's canonical JSON content (ids and index excluded), computed once.
     *
     * @throws DatasetException when a column holds a value Jackson cannot write as JSON; the message
     *     names the row, the column and the value's type (rows of a method are checked as they are
     *     read, so this concerns rows made elsewhere)
     */
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            hash = ContentHash.of(this);
            contentHash = hash;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && id.equals(row.id) && index == row.index && columns.equals(row.columns)
                && location.equals(row.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, index, columns, location);
    }

    @Override
    public String toString() {
        return "Row[id=" + id + ", index=" + index + ", columns=" + columns + ", location=" + location + "]";
    }
}

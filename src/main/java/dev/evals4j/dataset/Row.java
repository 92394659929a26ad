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
 * @param id the stable id
 * @param index the 0-based position in the dataset
 * @param columns the columns, in dataset order; unmodifiable, values may be {@code null}
 * @param location where the row came from, for messages (for example {@code data/qa.jsonl:12})
 */
@API(status = INTERNAL, since = "0.1")
public record Row(String id, long index, Map<String, Object> columns, String location)
        implements DatasetEntry {

    /** Validates and copies, keeping the column order. */
    public Row {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
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
     * A hex SHA-256 of the row's canonical JSON content (ids and index excluded).
     *
     * @throws DatasetException when a column holds a value Jackson cannot write as JSON; the message
     *     names the row, the column and the value's type (rows of a method are checked as they are
     *     read, so this concerns rows made elsewhere)
     */
    public String contentHash() {
        return ContentHash.of(this);
    }
}

package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * A row as a {@link RowObserver} first sees it.
 *
 * @param uniqueId the unique id of the row's test, which identifies it in later calls
 * @param rowId the row's id
 * @param repetition the 1-based repetition, or {@code 0} when the method does not repeat its rows
 * @param columns the row's columns, in dataset order; unmodifiable
 */
@API(status = INTERNAL, since = "0.1")
public record ObservedRow(UniqueId uniqueId, String rowId, int repetition, Map<String, ?> columns) {

    /** Validates and copies. */
    public ObservedRow {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(rowId, "rowId");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}

package dev.evals4j.dataset;

import java.util.Map;

/** Builds rows with the stable id rule: the {@code id} column when present, else the index. */
final class RowIds {

    /** The column whose value, when present and not null, is a row's id. */
    static final String ID_COLUMN = "id";

    private RowIds() {}

    static Row row(long index, Map<String, Object> columns, String location) {
        Object id = columns.get(ID_COLUMN);
        return new Row(id == null ? Long.toString(index) : id.toString(), index, columns, location);
    }
}

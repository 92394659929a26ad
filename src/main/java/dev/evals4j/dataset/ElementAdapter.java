package dev.evals4j.dataset;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one element that a rows method produced into a dataset entry. Immutable and thread-safe.
 *
 * <ul>
 *   <li>a {@link Map} with string keys: its entries are the columns;
 *   <li>a record: its components, by name and in declaration order;
 *   <li>an array or a {@link List}: its values, named by the given column names (their count must
 *       match), or {@code c0, c1, ...} when none are given;
 *   <li>a scalar (text, number, boolean, character, enum, UUID, date or time): one column, named by
 *       the single given column name or else {@value #SCALAR_COLUMN}.
 * </ul>
 *
 * Anything else, and {@code null}, is a {@link MalformedEntry} that names the element's index and
 * type; so is a row whose columns Jackson cannot write as JSON (it would have no stable
 * {@linkplain Row#contentHash() content hash}), naming the row, the column and the value's type.
 */
final class ElementAdapter {

    /** The column of a scalar element when no column name is given. */
    static final String SCALAR_COLUMN = "value";

    private final List<String> columnNames;
    private final String description;

    ElementAdapter(List<String> columnNames, String description) {
        this.columnNames = List.copyOf(columnNames);
        this.description = description;
    }

    DatasetEntry adapt(Object element, long index) {
        String location = description + "[" + index + "]";
        if (element == null) {
            return new MalformedEntry(index, location, "element " + index + " is null; " + expected());
        }
        try {
            Row row = RowIds.row(index, columnsOf(element, index), location);
            Optional<String> unhashable = ContentHash.problem(row);
            return unhashable.isPresent() ? new MalformedEntry(index, location, unhashable.get()) : row;
        } catch (UnadaptableElementException e) {
            return new MalformedEntry(index, location, e.getMessage());
        }
    }

    private Map<String, Object> columnsOf(Object element, long index) {
        if (element instanceof Map<?, ?> map) {
            return fromMap(map, index);
        }
        if (element.getClass().isRecord()) {
            return fromRecord((Record) element, index);
        }
        if (element.getClass().isArray()) {
            Object[] values = new Object[Array.getLength(element)];
            for (int i = 0; i < values.length; i++) {
                values[i] = Array.get(element, i);
            }
            return fromValues(Arrays.asList(values), index);
        }
        if (element instanceof List<?> list) {
            return fromValues(list, index);
        }
        if (isScalar(element)) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put(columnNames.size() == 1 ? columnNames.get(0) : SCALAR_COLUMN, element);
            return columns;
        }
        throw new UnadaptableElementException("element " + index + " is a " + element.getClass().getName()
                + "; " + expected());
    }

    private static Map<String, Object> fromMap(Map<?, ?> map, long index) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new UnadaptableElementException("element " + index + " is a map with the key "
                        + entry.getKey() + " (" + typeOf(entry.getKey()) + "); column names must be strings");
            }
            columns.put(key, entry.getValue());
        }
        return columns;
    }

    private static Map<String, Object> fromRecord(Record record, long index) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            columns.put(component.getName(), componentValue(record, component, index));
        }
        return columns;
    }

    private static Object componentValue(Record record, RecordComponent component, long index) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new UnadaptableElementException("element " + index + " is a " + record.getClass().getName()
                    + " whose component '" + component.getName() + "' cannot be read (" + e
                    + "); make the record public or open its package");
        } catch (InvocationTargetException e) {
            throw new UnadaptableElementException("element " + index + " is a " + record.getClass().getName()
                    + " whose accessor " + component.getName() + "() threw " + e.getCause());
        }
    }

    private Map<String, Object> fromValues(List<?> values, long index) {
        if (!columnNames.isEmpty() && values.size() != columnNames.size()) {
            throw new UnadaptableElementException("element " + index + " has " + values.size()
                    + " values but " + columnNames.size() + " column names are given " + columnNames);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            columns.put(columnNames.isEmpty() ? "c" + i : columnNames.get(i), values.get(i));
        }
        return columns;
    }

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>
                || value instanceof UUID
                || value instanceof TemporalAccessor;
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    private static String expected() {
        return "expected a Map with string keys, a record, an array, a List or a scalar value";
    }

    /** Why an element cannot be a row; becomes a {@link MalformedEntry}, never escapes. */
    private static final class UnadaptableElementException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnadaptableElementException(String message) {
            super(message, null, false, false);
        }
    }
}

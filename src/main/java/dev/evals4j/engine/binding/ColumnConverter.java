package dev.evals4j.engine.binding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/**
 * Converts column values (strings, numbers, booleans, maps and lists as a dataset yields them) to
 * parameter types with Jackson: numbers from strings, maps to beans and records, lists to arrays and
 * typed lists. Thread-safe.
 */
final class ColumnConverter {

    private static final int SHOWN_VALUE_LENGTH = 40;

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * {@code value} as {@code target}.
     *
     * @param where names the row, column and parameter, for the error message
     * @throws RowBindingException if the value cannot be converted
     */
    public Object convert(Object value, Type target, Supplier<String> where) {
        Class<?> raw = mapper.constructType(target).getRawClass();
        if (value == null) {
            if (raw.isPrimitive()) {
                throw new RowBindingException("Cannot bind null to " + raw.getName() + " at " + where.get()
                        + ": use the wrapper type to accept missing values");
            }
            return null;
        }
        if (Fixtures.wrap(raw).isInstance(value) && raw.getTypeParameters().length == 0) {
            return value;
        }
        try {
            return mapper.convertValue(value, mapper.constructType(target));
        } catch (IllegalArgumentException e) {
            throw new RowBindingException("Cannot convert " + shown(value) + " (" + value.getClass().getSimpleName()
                    + ") to " + target.getTypeName() + " at " + where.get(), e);
        }
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        text = text.length() > SHOWN_VALUE_LENGTH ? text.substring(0, SHOWN_VALUE_LENGTH - 1) + "\u2026" : text;
        return value instanceof CharSequence ? "\"" + text + "\"" : text;
    }
}

package dev.evals4j.engine.binding;

import dev.evals4j.api.EvalContext;
import dev.evals4j.dataset.Row;
import java.lang.reflect.Parameter;

/** Where the value of one parameter of a {@code @ForEach} method comes from. Immutable. */
sealed interface ArgumentSource {

    /** The value for {@code row}, attempted under {@code context}. */
    Object value(Row row, EvalContext context);

    /** A dataset column, converted to the parameter's type. */
    record FromColumn(String column, Parameter parameter, String method, ColumnConverter converter)
            implements ArgumentSource {
        @Override
        public Object value(Row row, EvalContext context) {
            if (!row.columns().containsKey(column)) {
                throw new RowBindingException("Row '" + row.id() + "' (" + row.location() + ") has no column '"
                        + column + "' for parameter '" + parameter.getName() + "' of " + method
                        + "; its columns are " + row.columnNames());
            }
            return converter.convert(row.get(column), parameter.getParameterizedType(),
                    () -> "row '" + row.id() + "' (" + row.location() + "), column '" + column + "', parameter '"
                            + parameter.getName() + "' of " + method);
        }
    }

    /** A fixture value, the same for every row. */
    record FromFixture(Fixtures.Entry fixture) implements ArgumentSource {
        @Override
        public Object value(Row row, EvalContext context) {
            return fixture.value();
        }
    }

    /** The row's {@link EvalContext}. */
    record FromContext() implements ArgumentSource {
        @Override
        public Object value(Row row, EvalContext context) {
            return context;
        }
    }
}

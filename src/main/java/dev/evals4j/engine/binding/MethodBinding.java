package dev.evals4j.engine.binding;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.api.EvalContext;
import dev.evals4j.dataset.Row;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How every parameter of one {@code @ForEach} method is filled: one {@link ArgumentSource} per
 * parameter, in order. Immutable and thread-safe: workers bind rows concurrently.
 *
 * @param method the method's name, for messages
 * @param sources one source per parameter
 */
@API(status = INTERNAL, since = "0.1")
public record MethodBinding(String method, List<ArgumentSource> sources) {

    /** Validates and copies. */
    public MethodBinding {
        Objects.requireNonNull(method, "method");
        sources = List.copyOf(sources);
    }

    /**
     * The arguments for {@code row}.
     *
     * @throws RowBindingException if the row lacks a column or a value does not convert
     */
    public Object[] arguments(Row row, EvalContext context) {
        Object[] arguments = new Object[sources.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = sources.get(i).value(row, context);
        }
        return arguments;
    }

    /** The columns this binding reads, in parameter order. */
    public List<String> columns() {
        return sources.stream()
                .filter(ArgumentSource.FromColumn.class::isInstance)
                .map(s -> ((ArgumentSource.FromColumn) s).column())
                .toList();
    }

    /**
     * Checks that {@code row} (the first of the dataset) has every column this binding reads.
     *
     * @throws EvalDefinitionException naming the missing columns, the dataset and its columns
     */
    public void checkColumns(Row row, String dataset) {
        List<String> missing = columns().stream().filter(c -> !row.columns().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new EvalDefinitionException("Dataset " + dataset + " has no column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " needed by " + method + "; its columns are " + row.columnNames());
        }
    }
}

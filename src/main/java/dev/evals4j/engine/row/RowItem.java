package dev.evals4j.engine.row;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.dataset.Row;
import dev.evals4j.engine.descriptor.RowKey;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One unit of work of a method: a row and the repetition it runs as. This is the executor's input.
 *
 * @param row the row
 * @param repetition the 1-based repetition
 * @param repeated whether the method repeats its rows (then the repetition is part of the unique id)
 */
@API(status = INTERNAL, since = "0.1")
public record RowItem(Row row, int repetition, boolean repeated) {

    /** Validates. */
    public RowItem {
        Objects.requireNonNull(row, "row");
        if (repetition < 1) {
            throw new IllegalArgumentException("repetition must be positive, was " + repetition);
        }
    }

    /** The key of the row's descriptor. */
    public RowKey key() {
        return new RowKey(row.id(), repeated ? repetition : 0);
    }
}

package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a run is keyed by inside its experiment: the dataset row's stable id and the repetition.
 *
 * @param rowId the row's stable id ({@link dev.evals4j.dataset.Row#id()})
 * @param repetition the 0-based repetition number
 */
@API(status = INTERNAL, since = "0.1")
public record RunKey(String rowId, int repetition) {

    /** Validates. */
    public RunKey {
        Objects.requireNonNull(rowId, "rowId");
        if (repetition < 0) {
            throw new IllegalArgumentException("repetition must be >= 0, was " + repetition);
        }
    }

    @Override
    public String toString() {
        return rowId + "#" + repetition;
    }
}

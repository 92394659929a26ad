package dev.evals4j.dataset;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A dataset line or record that could not be read as a row.
 *
 * @param index the 0-based position in the dataset
 * @param location the file and line, such as {@code data/qa.jsonl:12}
 * @param message what is wrong, in words a user can act on
 */
@API(status = INTERNAL, since = "0.1")
public record MalformedEntry(long index, String location, String message) implements DatasetEntry {

    /** Validates. */
    public MalformedEntry {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** The stable id of the entry: its index, as a {@link Row} without an {@code id} column has. */
    public String id() {
        return Long.toString(index);
    }
}

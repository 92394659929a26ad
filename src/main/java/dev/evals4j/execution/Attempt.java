package dev.evals4j.execution;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * Identifies one attempt of one item, as passed to a task.
 *
 * @param index the item's position in the inputs, 0-based
 * @param number the attempt's number for this item, 1-based; every started attempt counts,
 *     rate-limited ones included
 */
@API(status = INTERNAL, since = "0.1")
public record Attempt(long index, int number) {

    /** Validates. */
    public Attempt {
        if (index < 0 || number < 1) {
            throw new IllegalArgumentException("index must be >= 0 and number >= 1, were " + index + ", " + number);
        }
    }

    /** Whether this is the item's first attempt. */
    public boolean isFirst() {
        return number == 1;
    }
}

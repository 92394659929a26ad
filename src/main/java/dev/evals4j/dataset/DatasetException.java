package dev.evals4j.dataset;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * A dataset could not be found, opened or read as a whole. Its message names the dataset and says
 * what to do about it.
 *
 * <p>A single bad line is not an exception: it is a {@link MalformedEntry} and the other lines are
 * still read.
 */
@API(status = INTERNAL, since = "0.1")
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the dataset and the remedy. */
    public DatasetException(String message) {
        super(message);
    }

    /** An exception with a message that names the dataset and the remedy, and its cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}

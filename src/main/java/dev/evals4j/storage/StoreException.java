package dev.evals4j.storage;



import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/**
 * A result store could not be opened, read or written. The message names the store's file or URL
 * and says what to do about it.
 */
@API(status = INTERNAL, since = "0.1")
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message only. */
    public StoreException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

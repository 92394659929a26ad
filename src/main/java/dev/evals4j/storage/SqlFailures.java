package dev.evals4j.storage;

import java.sql.SQLException;
import java.time.Duration;

/** Turns a {@link SQLException} into a {@link StoreException} that names the store and says what to do. */
final class SqlFailures {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final String location;
    private final Duration busyTimeout;

    SqlFailures(String location, Duration busyTimeout) {
        this.location = location;
        this.busyTimeout = busyTimeout;
    }

    /** The store's file or (redacted) URL. */
    String location() {
        return location;
    }

    /** A {@link StoreException} for {@code failure}, which happened while trying to {@code action}. */
    StoreException translate(String action, SQLException failure) {
        String reason = failure.getMessage();
        int code = failure.getErrorCode();
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return new StoreException("The results database " + location + " is locked by another process (still"
                    + " locked after the busy timeout of " + busyTimeout.toMillis() + " ms) while trying to "
                    + action + ": wait for the other run to finish, or pass another -Devals4j.storage", failure);
        }
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return notOurs("it is not a SQLite database or it is corrupt (" + reason + ")", failure);
        }
        if (reason != null && reason.startsWith("No suitable driver")) {
            return new StoreException("No JDBC driver on the class path accepts " + location
                    + ": add the database's JDBC driver as a test dependency", failure);
        }
        return new StoreException("Could not " + action + " in the results database " + location + ": " + reason,
                failure);
    }

    /** A {@link StoreException} for a file that is not an evals4j results database. */
    StoreException notOurs(String why, Throwable cause) {
        return new StoreException("Cannot use " + location + " as the evals4j results database: " + why
                + ". It was not modified: move it away, or pass another -Devals4j.storage", cause);
    }
}

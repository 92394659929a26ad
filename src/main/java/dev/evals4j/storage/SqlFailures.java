package dev.evals4j.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * Turns a {@link SQLException} into a {@link StoreException} that names the store and says what to
 * do, with the store's credentials masked in the message and in the exception it carries.
 */
final class SqlFailures {

    static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    /** SQLState class 28: invalid authorization specification (a wrong user or password). */
    private static final String LOGIN_REFUSED_CLASS = "28";
    /** SQLState 08004: the server rejected the connection (for one, no password was given). */
    private static final String CONNECTION_REJECTED = "08004";

    private final JdbcTarget target;
    private final Duration busyTimeout;

    SqlFailures(JdbcTarget target, Duration busyTimeout) {
        this.target = target;
        this.busyTimeout = busyTimeout;
    }

    /** The store's file or (redacted) URL. */
    String location() {
        return target.location();
    }

    /** A {@link StoreException} for {@code failure}, which happened while trying to {@code action}. */
    StoreException translate(String action, SQLException failure) {
        SQLException masked = masked(failure);
        String reason = masked.getMessage();
        int code = failure.getErrorCode();
        String location = location();
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return new StoreException("The results database " + location + " is locked by another process (still"
                    + " locked after the busy timeout of " + busyTimeout.toMillis() + " ms) while trying to "
                    + action + ": wait for the other run to finish, or pass another -Devals4j.storage", masked);
        }
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            return notOurs("it is not a SQLite database or it is corrupt (" + reason + ")", masked);
        }
        if (reason != null && reason.startsWith("No suitable driver")) {
            return new StoreException("No JDBC driver on the class path accepts " + location
                    + ": add the database's JDBC driver as a test dependency", masked);
        }
        String state = failure.getSQLState();
        if (state != null && (state.startsWith(LOGIN_REFUSED_CLASS) || state.equals(CONNECTION_REJECTED))) {
            return new StoreException("The results database " + location + " refused the login while trying to "
                    + action + ": " + reason + target.dialect().loginHint(), masked);
        }
        return new StoreException("Could not " + action + " in the results database " + location + ": " + reason,
                masked);
    }

    /** A {@link StoreException} for a file that is not an evals4j results database. */
    StoreException notOurs(String why, Throwable cause) {
        return new StoreException("Cannot use " + location() + " as the evals4j results database: " + why
                + ". It was not modified: move it away, or pass another -Devals4j.storage", cause);
    }

    /** {@code failure} itself, or a copy with the credentials masked when its message shows them. */
    private SQLException masked(SQLException failure) {
        String message = failure.getMessage();
        String masked = target.mask(message);
        if (Objects.equals(message, masked)) {
            return failure;
        }
        SQLException copy = new SQLException(masked, failure.getSQLState(), failure.getErrorCode());
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }
}

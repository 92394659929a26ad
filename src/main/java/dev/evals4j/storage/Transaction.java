package dev.evals4j.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection that is otherwise in auto-commit mode, so that no
 * lock or snapshot is held between transactions.
 */
final class Transaction {

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        /** Does the work. */
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {}

    /** Runs {@code work} and commits, or rolls back and rethrows. */
    static <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}

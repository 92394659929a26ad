package dev.evals4j.storage;

import java.lang.reflect.InvocationTargetException;
import java.sql.Driver;

/**
 * Finds the JDBC driver of a {@link SqlDialect} by its class name, so that a missing driver is
 * reported in one line that names the dependency to add, instead of {@code No suitable driver}.
 * Stateless and thread-safe.
 */
final class JdbcDrivers {

    private JdbcDrivers() {}

    /**
     * A new instance of {@code dialect}'s driver class, loaded through {@code loader}.
     *
     * @param location the store's file or URL without secrets, for the message
     * @throws StoreException when the driver is not on the class path, naming its dependency
     */
    static Driver driver(SqlDialect dialect, String location, ClassLoader loader) {
        try {
            return (Driver) Class.forName(dialect.driverClass(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new StoreException("The results database " + location + " needs the " + dialect.databaseName()
                    + " JDBC driver (" + dialect.driverClass() + "), which is not on the class path: add the"
                    + " dependency " + dialect.driverDependency(), e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            throw new StoreException("Cannot create the " + dialect.databaseName() + " JDBC driver "
                    + dialect.driverClass() + " for " + location + ": " + cause, cause);
        }
    }
}

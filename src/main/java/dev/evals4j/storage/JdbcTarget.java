package dev.evals4j.storage;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where a {@link JdbcResultStore} connects: the URL, its {@link SqlDialect}, the credentials that
 * go with it, and how messages name it. The credentials reach the driver only; {@link #location()}
 * and {@link #mask(String)} keep them out of every message. Immutable and thread-safe.
 */
final class JdbcTarget {

    private final String url;
    private final SqlDialect dialect;
    private final Properties credentials;
    private final String location;
    private final UnaryOperator<String> masker;
    private final Driver driver;

    /**
     * @param url the JDBC URL as given
     * @param dialect its dialect
     * @param credentials driver properties to connect with (copied)
     * @param location the URL as messages show it: the file for SQLite, no secrets otherwise
     * @param masker masks the credentials in a driver's or server's message
     * @throws StoreException when the dialect's driver is not on the class path
     */
    JdbcTarget(String url, SqlDialect dialect, Properties credentials, String location, UnaryOperator<String> masker) {
        this.url = url;
        this.dialect = dialect;
        this.credentials = new Properties();
        this.credentials.putAll(credentials);
        this.location = location;
        this.masker = masker;
        this.driver = dialect.driverClass() == null ? null
                : JdbcDrivers.driver(dialect, location, JdbcTarget.class.getClassLoader());
    }

    /** The dialect of the URL. */
    SqlDialect dialect() {
        return dialect;
    }

    /** The database's file (SQLite) or URL without secrets. */
    String location() {
        return location;
    }

    /** A driver's or server's message with the credentials masked. */
    String mask(String message) {
        return masker.apply(message);
    }

    /** A new connection. */
    Connection connect() throws SQLException {
        Properties copy = new Properties();
        copy.putAll(credentials);
        if (driver == null) {
            return DriverManager.getConnection(url, copy);
        }
        Connection connection = driver.connect(url, copy);
        if (connection == null) {
            throw new SQLException("The " + dialect.databaseName() + " driver does not accept the URL " + location);
        }
        return connection;
    }

    /** The location: never the credentials. */
    @Override
    public String toString() {
        return location;
    }
}

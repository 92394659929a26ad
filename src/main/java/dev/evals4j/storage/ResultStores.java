package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/** Opens the {@link ResultStore} that an {@code evals4j.storage} value names. */
@API(status = INTERNAL, since = "0.1")
public final class ResultStores {

    /** Where the default SQLite store lives, relative to the project directory. */
    public static final Path DEFAULT_FILE = Path.of(".evals4j", "results.db");

    private ResultStores() {}

    /**
     * Opens the store {@code spec} names.
     *
     * <ul>
     *   <li>{@code null}, empty or {@code sqlite}: SQLite at {@code <projectDir>/.evals4j/results.db}
     *       (directories are created);
     *   <li>{@code none}: an {@link InMemoryResultStore} (nothing is kept after the JVM);
     *   <li>a {@code jdbc:} URL: a {@link JdbcResultStore} on it (its driver must be on the class path;
     *       SQLite's and PostgreSQL's come with evals4j). A {@code jdbc:postgresql:} URL without
     *       {@code user} or {@code password} parameters takes them from {@code PGUSER} and {@code PGPASSWORD}.
     * </ul>
     *
     * @throws StoreException for any other value, or when the store cannot be opened
     */
    public static ResultStore open(String spec, Path projectDir) {
        return open(spec, projectDir, StoreSettings.defaults());
    }

    /** As {@link #open(String, Path)}, with explicit settings for a database store. */
    public static ResultStore open(String spec, Path projectDir, StoreSettings settings) {
        String value = spec == null ? "" : spec.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (value.isEmpty() || lower.equals("sqlite")) {
            Path file = projectDir.resolve(DEFAULT_FILE).toAbsolutePath();
            createDirectories(file.getParent());
            return JdbcResultStore.open("jdbc:sqlite:" + file, settings);
        }
        if (lower.equals("none")) {
            return new InMemoryResultStore();
        }
        if (lower.startsWith("jdbc:")) {
            return JdbcResultStore.open(value, settings);
        }
        throw new StoreException("evals4j.storage=" + Redactor.redactText(value) + " is not a storage. Allowed: "
                + "'sqlite' (the default, " + DEFAULT_FILE + " under the project directory), "
                + "'none' (in memory, nothing kept), or a JDBC URL such as jdbc:sqlite:/path/results.db "
                + "or jdbc:postgresql://host/db");
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("Cannot create the directory " + directory + " for the results database: " + e
                    + ". Pass another -Devals4j.storage", e);
        }
    }
}

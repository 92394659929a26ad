package dev.evals4j.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on {@link JdbcResultStore} over a SQLite file, with small batches and queue. */
class SqliteResultStoreTest extends ResultStoreContractTest {

    @TempDir
    Path dir;

    @Override
    ResultStore newStore() {
        return JdbcResultStore.open("jdbc:sqlite:" + dir.resolve("results.db"),
                new StoreSettings(java.time.Duration.ofSeconds(10), 64, 128));
    }
}

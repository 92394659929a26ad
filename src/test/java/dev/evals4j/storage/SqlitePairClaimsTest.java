package dev.evals4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases on one SQLite file (forks of one machine); the in-memory store, which no other process sees, has none. */
class SqlitePairClaimsTest extends PairClaimsContractTest {

    @TempDir
    Path directory;

    @Override
    String url() {
        return "jdbc:sqlite:" + directory.resolve("results.db");
    }

    @Test
    void aStoreOnlyThisProcessSeesDoesNotShare() {
        assertThat(new InMemoryResultStore().claims(1, "a", LIVE)).isEmpty();
    }
}

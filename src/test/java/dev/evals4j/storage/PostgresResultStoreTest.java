package dev.evals4j.storage;

import java.time.Duration;

/** The store contract on {@link JdbcResultStore} over a real PostgreSQL, one fresh database per test. */
class PostgresResultStoreTest extends ResultStoreContractTest {

    @Override
    ResultStore newStore() {
        return JdbcResultStore.open(PostgresServer.freshDatabase().urlWithCredentials(),
                new StoreSettings(Duration.ofSeconds(10), 64, 128));
    }
}

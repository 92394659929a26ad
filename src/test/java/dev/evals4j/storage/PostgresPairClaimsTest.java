package dev.evals4j.storage;

/** Leases on a real PostgreSQL, a fresh database per test. */
class PostgresPairClaimsTest extends PairClaimsContractTest {

    @Override
    String url() {
        return PostgresServer.freshDatabase().urlWithCredentials();
    }
}

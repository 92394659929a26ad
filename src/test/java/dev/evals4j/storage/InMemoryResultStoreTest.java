package dev.evals4j.storage;

/** The store contract on {@link InMemoryResultStore}. */
class InMemoryResultStoreTest extends ResultStoreContractTest {

    @Override
    ResultStore newStore() {
        return new InMemoryResultStore();
    }
}

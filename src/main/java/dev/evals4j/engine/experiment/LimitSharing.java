package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.ConcurrencyStrategies;
import dev.evals4j.concurrency.SharedLimitPacer;
import dev.evals4j.concurrency.Ticker;
import dev.evals4j.storage.JdbcResultStore;
import dev.evals4j.storage.ResultStore;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Puts a method's pacer under the rate limit that the runners of its limit group share through the
 * results database: when the store is a database (a SQLite file or PostgreSQL), the method's runner
 * joins the group and paces at its share; an in-memory store has no one to share with. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class LimitSharing {

    private LimitSharing() {}

    /**
     * Joins {@code group} in {@code store} and returns the pacer that replaces the method's default pacer:
     * requests at this runner's share of the group's rate, tokens as the default pacer paces them
     * ({@link ConcurrencyStrategies#defaultTokenPacer}); already synced and syncing in the background.
     * Empty when the store cannot hold a group. The caller closes the pacer when the method ends, which
     * leaves the group.
     *
     * @throws dev.evals4j.storage.StoreException when the database cannot be reached
     */
    public static Optional<SharedLimitPacer> join(ResultStore store, String group) {
        if (!(store instanceof JdbcResultStore database)) {
            return Optional.empty();
        }
        Ticker ticker = Ticker.system();
        SharedLimitPacer pacer = new SharedLimitPacer(ConcurrencyStrategies.defaultTokenPacer(ticker),
                database.joinLimitGroup(group), ticker);
        try {
            return Optional.of(pacer.start(SharedLimitPacer.DEFAULT_SYNC_PERIOD));
        } catch (RuntimeException e) {
            pacer.close();
            throw e;
        }
    }
}

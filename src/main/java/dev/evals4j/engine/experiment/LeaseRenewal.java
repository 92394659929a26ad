package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.storage.PairClaims;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Keeps a runner's leases alive: renews them all, in one statement, every third of a lease, on a daemon
 * thread of its own ({@code evals4j-leases}), until {@link #stop()}. A renewal that fails is logged and
 * tried again at the next tick; if the database stays unreachable for a whole lease, other runners may
 * take the pairs over. When the JVM dies, renewals stop, and the leases expire.
 *
 * <p>Thread-safe: started and stopped by the method's threads, run by its own thread.
 */
@API(status = INTERNAL, since = "0.1")
final class LeaseRenewal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LeaseRenewal.class.getName());

    private final ScheduledExecutorService scheduler;

    private LeaseRenewal(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts renewing the leases of {@code claims}. */
    static LeaseRenewal start(PairClaims claims) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "evals4j-leases");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, claims.leaseDuration().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(() -> renew(claims), period, period, TimeUnit.MILLISECONDS);
        return new LeaseRenewal(scheduler);
    }

    private static void renew(PairClaims claims) {
        try {
            claims.renew();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not renew the leases of runner " + claims.runnerId()
                    + "; other runners take its pairs over if this lasts " + claims.leaseDuration() + ": " + e, e);
        }
    }

    /** Stops renewing and waits for a renewal under way. */
    void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}

package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.Ticker;
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
 * <p>As {@link Renewals} it tells the runner's feed when renewals kept every lease alive and when one came
 * too late: a renewal that ends a lease or more after the start of the last one in time (a stalled
 * machine, an unreachable database) may find some pairs taken over, and the feed then claims its unstarted
 * pairs again before it hands them out.
 *
 * <p>Thread-safe: started and stopped by the method's threads, run by its own thread; the times are read by
 * any thread.
 */
@API(status = INTERNAL, since = "0.1")
final class LeaseRenewal implements AutoCloseable, Renewals {

    private static final System.Logger LOG = System.getLogger(LeaseRenewal.class.getName());

    private final PairClaims claims;
    private final Ticker ticker;
    private final long leaseNanos;
    private final ScheduledExecutorService scheduler;
    /** Written by the renewal thread only. */
    private volatile long lastStartNanos;
    private volatile long lastLapseNanos = Long.MIN_VALUE;

    private LeaseRenewal(PairClaims claims, Ticker ticker) {
        this.claims = claims;
        this.ticker = ticker;
        this.leaseNanos = claims.leaseDuration().toNanos();
        this.lastStartNanos = ticker.nanoTime();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "evals4j-leases");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts renewing the leases of {@code claims}, timed by the system ticker. */
    static LeaseRenewal start(PairClaims claims) {
        return start(claims, Ticker.system());
    }

    /** Starts renewing the leases of {@code claims}, timed by {@code ticker}. */
    static LeaseRenewal start(PairClaims claims, Ticker ticker) {
        LeaseRenewal renewal = new LeaseRenewal(claims, ticker);
        long period = Math.max(1, claims.leaseDuration().toMillis() / 3);
        renewal.scheduler.scheduleWithFixedDelay(renewal::renew, period, period, TimeUnit.MILLISECONDS);
        return renewal;
    }

    /** Renews every lease now, and notes whether the renewal came in time. */
    void renew() {
        long start = ticker.nanoTime();
        try {
            claims.renew();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not renew the leases of runner " + claims.runnerId()
                    + "; other runners take its pairs over if this lasts " + claims.leaseDuration() + ": " + e, e);
            return;
        }
        long end = ticker.nanoTime();
        long sinceLast = end - lastStartNanos;
        if (sinceLast >= leaseNanos) {
            lastLapseNanos = end;
            LOG.log(System.Logger.Level.WARNING, () -> "The leases of runner " + claims.runnerId() + " were renewed "
                    + sinceLast / 1_000_000 + " ms after the last renewal, more than evals4j.lease = "
                    + claims.leaseDuration().toMillis() + " ms: other runners may have taken over some of its pairs,"
                    + " which it claims again before running them");
        }
        lastStartNanos = start;
    }

    @Override
    public long lastStartNanos() {
        return lastStartNanos;
    }

    @Override
    public long lastLapseNanos() {
        return lastLapseNanos;
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

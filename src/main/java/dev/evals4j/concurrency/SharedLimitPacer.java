package dev.evals4j.concurrency;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * A runner's pacer when several runners share one provider limit through a {@link LimitGroup}: the
 * runner's own pacer, bounded by its share of the group's rate.
 *
 * <ul>
 *   <li>Every request needs a permit from a local token bucket that refills at this runner's share of
 *       the group's rate (the group's rate divided by its live members that want to start requests)
 *       and from the runner's own pacer of what the group does not share: the tokens
 *       ({@link ConcurrencyStrategies#defaultTokenPacer}). The group owns the request rate: a runner's
 *       own request-rate loop under it would react to the same rate limits, fall to a share of what
 *       this runner alone was admitted and grow back on its own clock, and the two decreases would
 *       multiply.</li>
 *   <li>{@link #sync()} reports to the group what the runner saw since the last sync (rate limits of
 *       requests started under the group's current generation, the rates admitted and started lately,
 *       whether it wanted to start requests) and reads back the group's figures. {@link #start} runs it
 *       on a daemon thread every period, so the database sees one short transaction per period per
 *       runner, never one per request; a sync that fails keeps the last figures and is logged once.
 *       The first rate limit a runner sees under a generation halves its own share and empties its
 *       bucket at once, until the group's next figures replace them, and is reported at once, on that
 *       thread, without waiting for the period: the group's rate falls then, and every other runner paces at
 *       the lower rate from its next sync, at most one period later.</li>
 *   <li>{@link #close()} stops syncing and leaves the group, returning this runner's share to the others.</li>
 * </ul>
 *
 * <p>Thread-safe: the pacing state is guarded by {@code this}; {@link #sync()} exchanges with the
 * group outside that lock, so the dispatcher's {@link #tryAcquire} never waits for the database.
 */
@API(status = INTERNAL, since = "0.1")
public final class SharedLimitPacer implements RequestPacer, AutoCloseable {

    /** How often a started pacer syncs with its group. */
    public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofMillis(250);

    /**
     * How long a runner keeps its share after it last wanted to start a request. A runner whose calls
     * are all in flight, or whose rows all wait for a retry, asks for nothing for a while; if it gave
     * its share back at once, the others would take the whole rate and give it back a moment later,
     * and the group would send more than the provider admits in between.
     */
    static final Duration DEMAND_MEMORY = Duration.ofSeconds(1);

    private static final double MIN_HELD_BACK_RATE = 1;

    private static final System.Logger LOG = System.getLogger(SharedLimitPacer.class.getName());
    private static final double NANOS_PER_SECOND = 1e9;

    private final RequestPacer local;
    private final LimitGroup group;
    private final Ticker ticker;
    private final AdmittedRate admitted = new AdmittedRate();
    private final AdmittedRate started = new AdmittedRate();

    private double share = Double.POSITIVE_INFINITY;
    private double burst = ConcurrencyStrategies.DEFAULT_PACER_BURST;
    private double tokens = burst;
    private long lastRefill;
    private long generation;
    private long generationLearnedAt;
    private int rateLimits;
    private long lastDemand = Long.MIN_VALUE;
    private boolean syncFailureLogged;
    private boolean earlySyncRequested;
    private ScheduledExecutorService syncThread;

    /**
     * A pacer bounded by {@code group}'s figures, which it has not read yet: call {@link #sync()} or
     * {@link #start} before the first request.
     *
     * @param local the runner's own pacer, asked after the share allows a request: one that leaves the
     *     request rate to the group, such as {@link ConcurrencyStrategies#defaultTokenPacer}
     * @param group this runner's membership of the group; left on {@link #close()}
     * @param ticker the time source of the local bucket and of the rates measured
     */
    public SharedLimitPacer(RequestPacer local, LimitGroup group, Ticker ticker) {
        this.local = Objects.requireNonNull(local, "local");
        this.group = Objects.requireNonNull(group, "group");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.lastRefill = ticker.nanoTime();
        this.generationLearnedAt = lastRefill;
    }

    /** Syncs once now, then every {@code period} on a daemon thread until {@link #close()}. */
    public SharedLimitPacer start(Duration period) {
        sync();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "evals4j-limit-sync");
            t.setDaemon(true);
            return t;
        });
        synchronized (this) {
            syncThread = thread;
        }
        long nanos = period.toNanos();
        thread.scheduleWithFixedDelay(this::sync, nanos, nanos, TimeUnit.NANOSECONDS);
        return this;
    }

    @Override
    public long tryAcquire() {
        return tryAcquire(0);
    }

    @Override
    public synchronized long tryAcquire(long estimatedTokens) {
        long now = ticker.nanoTime();
        lastDemand = now;
        refill(now);
        if (tokens < 1) {
            return Math.max(1, (long) Math.ceil((1 - tokens) / share * NANOS_PER_SECOND));
        }
        long localWait = local.tryAcquire(estimatedTokens);
        if (localWait > 0) {
            return localWait;
        }
        tokens -= 1;
        started.record(now);
        return 0;
    }

    @Override
    public void onSuccess(long startNanos) {
        onSuccess(startNanos, 0, OptionalLong.empty());
    }

    @Override
    public synchronized void onSuccess(long startNanos, long estimatedTokens, OptionalLong usedTokens) {
        admitted.record(ticker.nanoTime());
        local.onSuccess(startNanos, estimatedTokens, usedTokens);
    }

    @Override
    public void onRateLimited(long startNanos) {
        onRateLimited(startNanos, 0, TokenLimitSignal.none());
    }

    @Override
    public synchronized void onRateLimited(long startNanos, long estimatedTokens, TokenLimitSignal signal) {
        if (startNanos >= generationLearnedAt) {
            if (rateLimits == 0) {
                holdBackUntilNextFigures();
            }
            rateLimits++;
            if (!earlySyncRequested && syncThread != null) {
                earlySyncRequested = true;
                syncThread.execute(this::sync);
            }
        }
        local.onRateLimited(startNanos, estimatedTokens, signal);
    }

    /**
     * Reports to the group and reads its figures back; a failure keeps the last figures (logged once).
     * Called by the sync thread, or directly by a test.
     */
    public void sync() {
        MemberReport report;
        synchronized (this) {
            long now = ticker.nanoTime();
            boolean demand = lastDemand != Long.MIN_VALUE && now - lastDemand < DEMAND_MEMORY.toNanos();
            report = new MemberReport(generation, rateLimits, demand, admitted.latestPerSecond(now),
                    started.perSecond(now));
            rateLimits = 0;
        }
        GroupFigures figures;
        try {
            figures = group.sync(report);
        } catch (RuntimeException e) {
            synchronized (this) {
                rateLimits += report.rateLimits();
                if (!syncFailureLogged) {
                    syncFailureLogged = true;
                    LOG.log(System.Logger.Level.WARNING, "Cannot sync with the shared rate limit; pacing on the"
                            + " last figures until it answers again: " + e.getMessage(), e);
                }
            }
            return;
        }
        apply(figures);
    }

    private synchronized void apply(GroupFigures figures) {
        long now = ticker.nanoTime();
        refill(now);
        if (figures.generation() != generation) {
            generation = figures.generation();
            generationLearnedAt = now;
            earlySyncRequested = false;
        }
        share = figures.sharePerSecond();
        burst = Math.max(1, ConcurrencyStrategies.DEFAULT_PACER_BURST / figures.sharers());
        tokens = Math.min(tokens, burst);
    }

    /** This runner's share of the group's rate, in requests per second; infinite while the group is unpaced. */
    public synchronized double sharePerSecond() {
        return share;
    }

    /** The lower of this runner's share and its own pacer's rate; infinite while neither paces. */
    @Override
    public synchronized double requestsPerSecond() {
        return Math.min(share, local.requestsPerSecond());
    }

    /** Stops syncing and leaves the group. Closing twice is harmless. */
    @Override
    public void close() {
        ScheduledExecutorService thread;
        synchronized (this) {
            thread = syncThread;
            syncThread = null;
        }
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            group.leave();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot leave the shared rate limit; the other runners take"
                    + " this runner's share back when its heartbeat is stale: " + e.getMessage(), e);
        }
    }

    /**
     * This runner's own rate limit lowers its share at once, until the group's next figures replace it:
     * half of it (half of what it started over the last second while the group is unpaced), with an
     * empty bucket, so that the runner does not keep sending at the old rate while the group learns.
     */
    private void holdBackUntilNextFigures() {
        long now = ticker.nanoTime();
        refill(now);
        double halved = Double.isInfinite(share) ? started.perSecond(now).orElse(2 * MIN_HELD_BACK_RATE) / 2 : share / 2;
        share = Math.max(MIN_HELD_BACK_RATE, halved);
        tokens = Math.min(tokens, 0);
    }

    private void refill(long now) {
        tokens = Double.isInfinite(share) ? burst : Math.min(burst, tokens + (now - lastRefill) / NANOS_PER_SECOND * share);
        lastRefill = now;
    }

    @Override
    public synchronized String toString() {
        return "SharedLimitPacer[share " + share + "/s of generation " + generation + ", " + local + "]";
    }
}

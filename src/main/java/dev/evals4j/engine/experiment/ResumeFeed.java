package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.concurrency.Ticker;
import dev.evals4j.engine.config.ResumeRerun;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.storage.PairClaims;
import dev.evals4j.storage.ResultStore;
import dev.evals4j.storage.RunKey;
import dev.evals4j.storage.RunRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The executor's input when an experiment resumes: reads the method's (row, repetition) pairs in
 * batches of {@value #BATCH}, looks each batch up in the store, and
 * <ul>
 *   <li>reports a pair already {@code COMPLETED*} with an unchanged content hash as a
 *       {@link RowEvent.Restored} event instead of running it again, whether it passed or failed its
 *       verdict (under {@link ResumeRerun#FAILURES}, only if it passed);
 *   <li>yields every other pair (never stored, {@code FAILED}, {@code DID_NOT_RUN}, or stored for
 *       content that has changed since) to the executor.
 * </ul>
 *
 * <p><b>Shared experiments.</b> Given {@link PairClaims}, the feed yields only the pairs it leased
 * (each batch claimed {@linkplain PairClaims#claimAsync without waiting} once half of the previous one is
 * taken, so the executor never waits for a claim, {@value #CLAIM_BATCH} pairs at a time so that runners share the
 * work finely; a runner that takes its pairs faster claims about {@value #CLAIM_SECONDS} second of them
 * at a time, at most {@value #BATCH}, so that a fast method does not wait for a claim every 100 rows). A pair leased by another live runner is set aside; once the feed's own pairs are read,
 * it checks the set-aside pairs every {@linkplain PairClaims#leaseDuration() lease} / 3: a pair another
 * runner completed is dropped (counted by {@link #takenByOthers()}), a pair whose lease expired (its
 * runner died) is taken over, and the feed ends when none is left. A pair another runner completed for
 * other content than this runner's row fails the feed with a {@link DatasetMismatchException}, instead
 * of mixing two datasets in one experiment.
 *
 * <p><b>Leases that may have lapsed.</b> The feed hands out a queued pair only while its lease is surely
 * alive: claimed or renewed less than half a lease ago, and no renewal came too late since its claim (see
 * {@link Renewals}). Otherwise (the machine stalled, the database was out of reach) another runner may have
 * taken the pair over, and the feed claims its queued pairs again first: it keeps those still its own and
 * sets the others aside like any pair another runner holds. Only the pairs already handed to the executor
 * can then run twice.
 *
 * <p>Flat memory: at most one batch is held (plus the set-aside pairs of a shared experiment), the executor's bounded input channel paces the reads,
 * and at most {@value #MAX_UNREPORTED} restored events wait for the engine thread at any time (the
 * feed blocks until the engine thread has reported older ones). A failure to read the store
 * propagates from {@link #hasNext()}, so the executor ends the run with it.
 *
 * <p>Not thread-safe: read by the executor's input reader only. If that thread is interrupted while it
 * waits to report (the executor stopping), the feed ends.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResumeFeed implements Iterator<RowItem> {

    private static final System.Logger LOG = System.getLogger(ResumeFeed.class.getName());

    /** How many pairs one store lookup covers. */
    public static final int BATCH = 500;
    /** How many pairs one claim covers in a shared experiment. */
    public static final int CLAIM_BATCH = 100;
    /** About how long the pairs of one claim last at the pace the runner took the previous batch. */
    public static final int CLAIM_SECONDS = 1;
    /** How many restored events may wait for the engine thread. */
    public static final int MAX_UNREPORTED = 2 * BATCH;

    private final Iterator<RowItem> pairs;
    private final ResultStore store;
    private final long experimentId;
    private final Consumer<RowEvent> events;
    private final Rescoring rescoring;
    private final ResumeRerun rerun;
    private final Semaphore unreported = new Semaphore(MAX_UNREPORTED);
    private final ArrayDeque<RowItem> pending = new ArrayDeque<>();
    private final PairClaims claims;
    private final LeaseWait leaseWait;
    private final Ticker ticker;
    private int claimBatch = CLAIM_BATCH;
    private long batchStartNanos;
    private int batchSize;
    private final Map<RunKey, RowItem> leasedByOthers = new LinkedHashMap<>();
    private long restored;
    private long takenByOthers;
    private boolean ended;
    private boolean waitLogged;
    /** The claim under way of the last batch read, if any. */
    private PendingClaim claiming;
    private final Renewals renewals;
    /** When the claim of the oldest queued pair started: its lease lives at least a lease from then. */
    private long pendingLeasedFrom;
    /** The queued pairs that are failing verdicts run again, claimed without a content hash. */
    private final Set<RunKey> queuedReruns = new HashSet<>();
    private Boolean storedAtStart;

    /**
     * A feed over {@code pairs} of the experiment {@code experimentId} in {@code store}.
     *
     * @param events receives one {@link RowEvent.Restored} per pair that is not run again
     */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events) {
        this(pairs, store, experimentId, events, null);
    }

    /**
     * A feed that re-scores: it yields only pairs whose completed run lacks a score of {@code rescoring}
     * (noting their stored run there), restores the pairs that have them all, and skips pairs without a
     * completed run. Content hashes are not compared: the stored output is what is scored.
     */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events,
            Rescoring rescoring) {
        this(pairs, store, experimentId, events, rescoring, ResumeRerun.ERRORS);
    }

    /**
     * A feed that re-scores when {@code rescoring} is not {@code null}, and otherwise runs again the
     * stored pairs {@code rerun} names.
     */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events,
            Rescoring rescoring, ResumeRerun rerun) {
        this(pairs, store, experimentId, events, rescoring, rerun, null, LeaseWait.SLEEP);
    }

    /**
     * A feed that, when {@code claims} is not {@code null}, runs only the pairs this runner leases and
     * waits with {@code leaseWait} between its checks of the pairs other runners hold.
     */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events,
            Rescoring rescoring, ResumeRerun rerun, PairClaims claims, LeaseWait leaseWait) {
        this(pairs, store, experimentId, events, rescoring, rerun, claims, leaseWait, Ticker.system());
    }

    /** A feed whose leases {@code renewals} keeps alive, timed by the system ticker. */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events,
            Rescoring rescoring, ResumeRerun rerun, PairClaims claims, LeaseWait leaseWait, Renewals renewals) {
        this(pairs, store, experimentId, events, rescoring, rerun, claims, leaseWait, Ticker.system(), renewals);
    }

    /** A feed that measures the pace the runner takes its pairs at with {@code ticker} (to size its claims). */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events,
            Rescoring rescoring, ResumeRerun rerun, PairClaims claims, LeaseWait leaseWait, Ticker ticker) {
        this(pairs, store, experimentId, events, rescoring, rerun, claims, leaseWait, ticker, Renewals.NONE);
    }

    /**
     * A feed timed by {@code ticker} (the pace the runner takes its pairs at, to size its claims, and the age
     * of its leases), whose leases {@code renewals} keeps alive.
     */
    public ResumeFeed(Iterator<RowItem> pairs, ResultStore store, long experimentId, Consumer<RowEvent> events,
            Rescoring rescoring, ResumeRerun rerun, PairClaims claims, LeaseWait leaseWait, Ticker ticker,
            Renewals renewals) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.renewals = Objects.requireNonNull(renewals, "renewals");
        this.claims = claims;
        this.leaseWait = Objects.requireNonNull(leaseWait, "leaseWait");
        this.rescoring = rescoring;
        this.rerun = Objects.requireNonNull(rerun, "rerun");
        this.pairs = Objects.requireNonNull(pairs, "pairs");
        this.store = Objects.requireNonNull(store, "store");
        this.experimentId = experimentId;
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public boolean hasNext() {
        while (!ended) {
            if (!pending.isEmpty()) {
                if (queuedLeasesMayHaveLapsed()) {
                    claimQueuedAgain(); // what it keeps is leased from now: handed out however long the claim took
                }
                if (!pending.isEmpty()) {
                    return true;
                }
            } else if (claiming != null) {
                settleClaim();
            } else if (pairs.hasNext()) {
                readBatch();
            } else if (leasedByOthers.isEmpty()) {
                return false;
            } else {
                checkLeasedByOthers();
                if (pending.isEmpty() && !leasedByOthers.isEmpty()) {
                    awaitLeases();
                }
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public RowItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RowItem item = pending.poll();
        if (!queuedReruns.isEmpty()) {
            queuedReruns.remove(RunRecords.key(item));
        }
        claimAhead();
        return item;
    }

    /**
     * Whether the lease of a queued pair may have lapsed: its claim or the last renewal started half a lease
     * ago or more, or a renewal came too late since its claim.
     */
    private boolean queuedLeasesMayHaveLapsed() {
        if (claims == null) {
            return false;
        }
        long lapse = renewals.lastLapseNanos();
        if (lapse != Long.MIN_VALUE && lapse - pendingLeasedFrom > 0) {
            return true;
        }
        long leasedFrom = Math.max(pendingLeasedFrom, renewals.lastStartNanos());
        return ticker.nanoTime() - leasedFrom >= claims.leaseDuration().toNanos() / 2;
    }

    /** Claims the queued pairs again, keeping those still this runner's and setting the others aside. */
    private void claimQueuedAgain() {
        Map<RunKey, RowItem> items = new LinkedHashMap<>();
        pending.forEach(item -> items.put(RunRecords.key(item), item));
        Set<RunKey> reruns = new HashSet<>(queuedReruns);
        pending.clear();
        queuedReruns.clear();
        long start = ticker.nanoTime();
        Set<RunKey> mine = claims.claim(hashes(items, reruns));
        LOG.log(System.Logger.Level.INFO, () -> "Runner " + claims.runnerId() + " may have lost the leases of its "
                + items.size() + " queued pairs and claimed them again: it keeps " + mine.size());
        queueClaimed(items, reruns, mine, start);
    }

    /**
     * Reads the next batch and starts its claim once half of the pairs of the last claim are taken, so
     * that the claim runs in the store while the executor takes the other half.
     */
    private void claimAhead() {
        if (claims != null && claiming == null && !ended && pending.size() <= claimBatch / 2 && pairs.hasNext()) {
            readBatch();
        }
    }

    /** Whether pairs are left that were neither run nor restored (the run stopped before them). */
    public boolean hasUnreadPairs() {
        return !pending.isEmpty() || claiming != null || pairs.hasNext() || !leasedByOthers.isEmpty();
    }

    /** How many pairs of a shared experiment other runners ran while this one was running. */
    public long takenByOthers() {
        return takenByOthers;
    }

    /** How many pairs were reported from the store so far. */
    public long restored() {
        return restored;
    }

    private void readBatch() {
        int size = claims == null ? BATCH : nextClaimBatch();
        List<RowItem> batch = new ArrayList<>(size);
        List<RunKey> keys = new ArrayList<>(size);
        while (batch.size() < size && pairs.hasNext()) {
            RowItem item = pairs.next();
            batch.add(item);
            keys.add(RunRecords.key(item));
        }
        Map<RunKey, RunRecord> stored = storedAtStart() ? store.lookup(experimentId, keys) : Map.of();
        Map<RunKey, RowItem> toRun = new LinkedHashMap<>();
        Set<RunKey> rerunCompleted = new HashSet<>();
        for (int i = 0; i < batch.size() && !ended; i++) {
            RowItem item = batch.get(i);
            RunRecord run = stored.get(keys.get(i));
            if (rescoring != null) {
                rescore(item, run);
            } else if (isDone(item, run)) {
                restore(item, run);
            } else {
                toRun.put(keys.get(i), item);
                if (run != null && run.status().isCompleted()
                        && Objects.equals(run.contentHash(), item.row().contentHash())) {
                    rerunCompleted.add(keys.get(i)); // a failing verdict that runs again
                }
            }
        }
        claimAndQueue(toRun, rerunCompleted);
    }

    /**
     * Whether the experiment had runs when the feed read its first batch. Without any, a pair can only
     * have been stored since by another runner, and the claim passes over the pairs other runners
     * completed: the batches are not looked up.
     */
    private boolean storedAtStart() {
        if (storedAtStart == null) {
            storedAtStart = !store.runCounts(experimentId).isEmpty();
        }
        return storedAtStart;
    }

    /**
     * How many pairs the next claim covers: {@value #CLAIM_SECONDS} second at the pace the previous batch
     * was taken (from the start of its reading to now, when all of it is taken), between {@value
     * #CLAIM_BATCH} and {@value #BATCH}.
     */
    private int nextClaimBatch() {
        long now = ticker.nanoTime();
        if (batchSize > 0) {
            double seconds = Math.max(1e-9, (now - batchStartNanos) / 1e9);
            double pairs = batchSize / seconds * CLAIM_SECONDS;
            claimBatch = (int) Math.max(CLAIM_BATCH, Math.min(BATCH, pairs));
        }
        batchStartNanos = now;
        batchSize = claimBatch;
        return claimBatch;
    }

    /**
     * Claims the pairs of {@code items} without waiting: {@link #settleClaim()} queues those this runner
     * leased once the claim is done. Without claims, queues them all at once.
     */
    private void claimAndQueue(Map<RunKey, RowItem> items, Set<RunKey> rerunCompleted) {
        if (items.isEmpty() || ended) {
            return;
        }
        if (claims == null) {
            pending.addAll(items.values());
            return;
        }
        claiming = new PendingClaim(items, rerunCompleted, ticker.nanoTime(),
                claims.claimAsync(hashes(items, rerunCompleted)));
    }

    /** Waits for the claim under way and queues the pairs it leased. */
    private void settleClaim() {
        PendingClaim claim = claiming;
        claiming = null;
        Set<RunKey> mine;
        try {
            mine = claim.held().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        queueClaimed(claim.items(), claim.rerunCompleted(), mine, claim.startNanos());
    }

    /** The content hash each pair of {@code items} is claimed with: none for a failing verdict that runs again. */
    private static Map<RunKey, String> hashes(Map<RunKey, RowItem> items, Set<RunKey> rerunCompleted) {
        Map<RunKey, String> hashes = new LinkedHashMap<>();
        items.forEach((key, item) -> hashes.put(key, rerunCompleted.contains(key) ? null : item.row().contentHash()));
        return hashes;
    }

    /**
     * Queues the pairs of {@code items} this runner leased ({@code mine}) and sets the others aside while
     * other runners hold them. A claim leases no pair completed for its content; the failing verdicts
     * that run again, which any completed run settles, are looked up once more after it, as another
     * runner may have run one since it was read.
     */
    private void queueClaimed(Map<RunKey, RowItem> items, Set<RunKey> rerunCompleted, Set<RunKey> mine,
            long claimStartNanos) {
        if (pending.isEmpty()) {
            pendingLeasedFrom = claimStartNanos;
        }
        List<RunKey> unsettled = mine.stream().filter(rerunCompleted::contains).toList();
        Map<RunKey, RunRecord> completedMeanwhile =
                unsettled.isEmpty() ? Map.of() : store.lookup(experimentId, unsettled);
        items.forEach((key, item) -> {
            if (!mine.contains(key)) {
                leasedByOthers.put(key, item);
            } else if (isDone(item, completedMeanwhile.get(key))) {
                leasedByOthers.remove(key);
                takenByOthers++;
            } else {
                leasedByOthers.remove(key);
                pending.add(item);
                if (rerunCompleted.contains(key)) {
                    queuedReruns.add(key);
                }
            }
        });
    }

    /** A claim under way: the pairs it names, the failing verdicts among them that run again, its start, its stage. */
    private record PendingClaim(Map<RunKey, RowItem> items, Set<RunKey> rerunCompleted, long startNanos,
            CompletableFuture<Set<RunKey>> held) {}

    /**
     * Drops the set-aside pairs other runners completed and takes over those whose lease expired.
     *
     * @throws DatasetMismatchException when another runner completed a pair for other content
     */
    private void checkLeasedByOthers() {
        List<RunKey> keys = new ArrayList<>(leasedByOthers.keySet());
        List<RunKey> differing = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<RunKey> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
            Map<RunKey, RunRecord> stored = store.lookup(experimentId, chunk);
            for (RunKey key : chunk) {
                RunRecord run = stored.get(key);
                if (run != null && run.status().isCompleted()) {
                    RowItem item = leasedByOthers.remove(key);
                    if (Objects.equals(run.contentHash(), item.row().contentHash())) {
                        takenByOthers++;
                    } else {
                        differing.add(key);
                    }
                }
            }
        }
        if (!differing.isEmpty()) {
            throw new DatasetMismatchException(claims.runnerId(), differing);
        }
        if (!leasedByOthers.isEmpty()) {
            Map<RunKey, RowItem> items = new LinkedHashMap<>(leasedByOthers);
            long start = ticker.nanoTime();
            queueClaimed(items, Set.of(), claims.claim(hashes(items, Set.of())), start);
        }
    }

    /** Waits a third of a lease before checking the set-aside pairs again; the feed ends if interrupted. */
    private void awaitLeases() {
        if (!waitLogged) {
            waitLogged = true;
            int count = leasedByOthers.size();
            LOG.log(System.Logger.Level.INFO, () -> "Waiting for " + count + (count == 1 ? " pair" : " pairs")
                    + " of this experiment leased by other runners: until they complete there, or until their leases"
                    + " expire and this runner takes them over (at most evals4j.lease = "
                    + claims.leaseDuration().toMillis() / 1000.0 + " s after their runner stopped, a crashed one too)");
        }
        try {
            leaseWait.await(claims.leaseDuration().dividedBy(3));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            ended = true;
        }
    }

    /** Whether {@code run} settles {@code item}: completed for the same content, and passed unless failures run again. */
    private boolean isDone(RowItem item, RunRecord run) {
        return run != null && run.status().isCompleted() && Objects.equals(run.contentHash(), item.row().contentHash())
                && (rerun == ResumeRerun.ERRORS || run.passed());
    }

    private void rescore(RowItem item, RunRecord run) {
        if (run == null || !run.status().isCompleted()) {
            return; // nothing stored to score: a rescoring calls no model
        }
        if (rescoring.isScored(run)) {
            restore(item, run);
        } else {
            rescoring.add(item, run);
            pending.add(item);
        }
    }

    private void restore(RowItem item, RunRecord run) {
        try {
            unreported.acquire();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            ended = true;
            pending.clear();
            return;
        }
        restored++;
        events.accept(new RowEvent.Restored(item, run, unreported::release));
    }
}

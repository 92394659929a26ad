package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * One runner's leases on the (row, repetition) pairs of one experiment, so that runners sharing a
 * database drain the experiment together and each pair is run by one of them.
 *
 * <p>A lease names its runner and expires, on the database server's clock, {@link #leaseDuration()}
 * after it was taken or last {@linkplain #renew() renewed}. A pair is claimable when it has no
 * completed run and no live lease of another runner; a completed pair is never claimed again. A
 * runner that dies stops renewing: its leases expire and other runners take its pairs over.
 *
 * <p>Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public interface PairClaims {

    /** The runner that holds these leases. */
    String runnerId();

    /** How long a lease lives without renewal. */
    Duration leaseDuration();

    /**
     * Leases, in one transaction per 500 pairs, every pair of {@code contentHashes} that is claimable
     * (or already leased by this runner), and returns them; the others are completed for the same content
     * or leased by a live runner. None of the returned pairs had a run completed for its content hash when
     * the claim committed, even one another runner completed and released while the claim ran: only a
     * pair with a {@code null} hash may have been completed since it was read.
     *
     * @param contentHashes the pairs to claim, each with the content hash a completed run must have to
     *     settle it (its row's hash here): a pair completed for other content is claimable, as the
     *     dataset changed since; {@code null} when no completed run settles the pair (a failing verdict
     *     that runs again)
     * @throws StoreException when the database cannot be written
     */
    Set<RunKey> claim(Map<RunKey, String> contentHashes);

    /**
     * {@link #claim} without waiting: the stage completes with the pairs leased, or exceptionally with
     * the {@link StoreException} that stopped the claim. The pairs may be leased in several transactions,
     * each of which {@link #claim} promises. By default the claim is made at once, on the caller's thread.
     *
     * @param contentHashes as for {@link #claim}
     */
    default CompletableFuture<Set<RunKey>> claimAsync(Map<RunKey, String> contentHashes) {
        try {
            return CompletableFuture.completedFuture(claim(contentHashes));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Extends every lease of this runner by {@link #leaseDuration()} from now, in one statement.
     *
     * @throws StoreException when the database cannot be written
     */
    void renew();

    /**
     * Gives up every lease of this runner, so others may take the pairs it did not complete at once
     * (a completed pair is not claimable anyway).
     *
     * @throws StoreException when the database cannot be written
     */
    void release();
}

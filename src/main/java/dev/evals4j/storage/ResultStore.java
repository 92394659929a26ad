package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.execution.ExecutionStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Where experiments and their runs are kept, so that a run can be resumed, compared, exported and
 * re-scored.
 *
 * <p><b>Records.</b> A run is keyed by (experiment, row id, repetition) and recording is
 * idempotent on that key: there is never more than one stored run per key, and which record wins
 * follows one rule. A completed ({@code COMPLETED} or {@code COMPLETED_WITH_RETRIES}) run is
 * final: recording it again, or recording a failure or a {@code DID_NOT_RUN} for its key, changes
 * nothing. A {@code FAILED} run is replaced by a later failed or completed run of its key (a rerun
 * after a failure); a {@code DID_NOT_RUN} one is replaced by any later record. Resume relies on
 * this: a pair that completed once is never run, nor overwritten, again.
 *
 * <p><b>Writes</b> ({@link #record}) are asynchronous and may be batched; {@link #flush()} makes
 * them durable. <b>Reads</b> ({@link #lookup}, {@link #runs}, {@link #runCounts}) first wait for
 * every write made before them, so a thread reads its own writes. Experiment operations and
 * {@link #updateScores} are synchronous.
 *
 * <p><b>Failures</b> are never swallowed: when a background write fails, the store keeps the
 * failure and every later {@link #record}, {@link #updateScores}, {@link #flush()}, read and
 * {@link #close()} throws a {@link StoreException} that says what was lost and why.
 *
 * <p>Secrets: implementations {@link Redactor redact} the configuration, error messages, histories
 * and outputs before storing them.
 *
 * <p>Implementations are thread-safe: any number of threads may record concurrently.
 */
@API(status = INTERNAL, since = "0.1")
public interface ResultStore extends AutoCloseable {

    /**
     * Opens the experiment named {@code name} for {@code suite}: creates it, or returns the existing
     * one (a resume), set back to {@link ExperimentStatus#RUNNING}. An existing experiment keeps the
     * configuration and dataset fingerprint it was created with: compare them with the arguments to
     * warn about a changed setup.
     *
     * @param name the experiment name
     * @param suite the suite, {@code class#method}
     * @param config the configuration to store (secret-looking values are masked before storing)
     * @param datasetFingerprint a fingerprint of the dataset, or {@code null}
     * @return the experiment
     * @throws StoreException when the store cannot be written
     */
    ExperimentInfo openExperiment(String name, String suite, Map<String, String> config, String datasetFingerprint);

    /** The experiment named {@code name} for {@code suite}, if there is one. */
    Optional<ExperimentInfo> findExperiment(String name, String suite);

    /** Every experiment, oldest first. */
    List<ExperimentInfo> listExperiments();

    /**
     * Sets the status of an experiment at the end of a run. An experiment that another runner marked
     * {@code COMPLETED} while this one ran stays completed: a runner that ends later (stopped with
     * Ctrl-C while it waited for the others' leases, say) finds nothing left to run, and its own status
     * would be wrong about the experiment. Opening the experiment again sets it {@code RUNNING}.
     *
     * @throws StoreException when there is no such experiment or the store cannot be written
     */
    void finishExperiment(long experimentId, ExperimentStatus status);

    /**
     * The stored runs of the given keys of an experiment; keys without a stored run are absent from
     * the result. Meant to be called with batches of keys (hundreds to a few thousands) so that a
     * resume over a large dataset streams at flat memory.
     */
    Map<RunKey, RunRecord> lookup(long experimentId, Collection<RunKey> keys);

    /**
     * Records a run, asynchronously, following the replace rule above. May block briefly when the
     * write queue is full (back-pressure).
     *
     * @throws StoreException when an earlier background write failed, or the store is closed
     */
    void record(RunRecord run);

    /**
     * Records a run like {@link #record}, and answers a stage that completes once it is durable, or
     * exceptionally with the {@link StoreException} that lost it. A store that batches writes commits
     * the runs queued together in one transaction (a group commit), so a caller that keeps a few runs
     * waiting for their commits does not wait for one transaction per run. This default records and
     * flushes before it returns.
     *
     * @throws StoreException when an earlier background write failed, or the store is closed
     */
    default CompletableFuture<Void> recordCommitted(RunRecord run) {
        record(run);
        flush();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Replaces the scores of a stored run (re-scoring stored outputs), in order with the {@link
     * #record records} before it, and returns once it is applied.
     *
     * @throws StoreException when no run of {@code key} is stored (only this update fails: the store
     *     keeps working), when an earlier background write failed, or the store is closed
     */
    void updateScores(long experimentId, RunKey key, String scoresJson);

    /**
     * Blocks until every write made before this call is durable.
     *
     * @throws StoreException when a background write failed
     */
    void flush();

    /**
     * Every stored run of an experiment, ordered by row id and repetition, read lazily. Close the
     * stream (try-with-resources) to release what it holds.
     */
    Stream<RunRecord> runs(long experimentId);

    /**
     * Leases on the pairs of an experiment for runner {@code runnerId}, when this store is shared by
     * several runners (a database that several processes open); from now on, the runs this store
     * records name that runner. Empty for a store only this process sees.
     *
     * @param lease how long a lease lives without renewal
     */
    default Optional<PairClaims> claims(long experimentId, String runnerId, Duration lease) {
        return Optional.empty();
    }

    /**
     * The runner that recorded each stored run of an experiment, in key order; a run recorded without
     * a runner id maps to {@code ""}. Empty for a store that does not keep runners.
     */
    default Map<RunKey, String> runners(long experimentId) {
        return Map.of();
    }

    /** How many stored runs of an experiment have each status (statuses without runs are absent). */
    Map<ExecutionStatus, Long> runCounts(long experimentId);

    /**
     * Flushes, then releases the store. Closing twice is harmless.
     *
     * @throws StoreException when a background write failed
     */
    @Override
    void close();
}

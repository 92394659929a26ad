package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.binding.EvalDefinitionException;
import dev.evals4j.engine.config.ResumeRerun;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionListener;
import dev.evals4j.execution.ExecutionSummary;
import dev.evals4j.storage.ExperimentInfo;
import dev.evals4j.storage.ExperimentStatus;
import dev.evals4j.storage.PairClaims;
import dev.evals4j.storage.ResultStore;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One method's part in an experiment: opens (or resumes) the experiment, puts a {@link ResumeFeed}
 * in front of the executor and a {@link RecordingListener} behind it, and sets the experiment's
 * status when the method ends.
 *
 * <p>Opened by the engine thread, finished by the method's runner thread once its executor returned;
 * the feed and listener it makes are used by the executor's threads as their own documentation says.
 * Not thread-safe otherwise.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExperimentRecording {

    private static final System.Logger LOG = System.getLogger(ExperimentRecording.class.getName());

    private final ExperimentStorage storage;
    private final ResultStore store;
    private final ExperimentInfo experiment;
    private final Rescoring rescoring;
    private final PairClaims claims;
    private final LeaseRenewal renewal;
    private RecordingListener recorder;
    private ResumeFeed feed;
    private volatile long takenByOthers;
    private boolean finished;

    private ExperimentRecording(ExperimentStorage storage, ResultStore store, ExperimentInfo experiment,
            Rescoring rescoring, PairClaims claims) {
        this.storage = storage;
        this.store = store;
        this.experiment = experiment;
        this.rescoring = rescoring;
        this.claims = claims;
        this.renewal = claims == null ? null : LeaseRenewal.start(claims);
    }

    /**
     * Opens the experiment {@code name} of {@code suite}, creating it or resuming it.
     *
     * @param config the method's effective settings, stored with a new experiment (redacted by the store)
     * @param datasetFingerprint what identifies the dataset, or {@code null}
     * @param rescoring the rescoring to do instead of running rows, or {@code null}
     * @throws dev.evals4j.storage.StoreException when the store cannot be opened or written; the
     *     message names the database
     * @throws EvalDefinitionException when a rescoring names an experiment the store does not have
     */
    public static ExperimentRecording open(ExperimentStorage storage, String name, String suite,
            Map<String, String> config, String datasetFingerprint, Rescoring rescoring) {
        ResultStore store = storage.store();
        if (rescoring != null && store.findExperiment(name, suite).isEmpty()) {
            throw new EvalDefinitionException("Cannot re-score the experiment '" + name + "' of " + suite
                    + ": the results store has no such experiment. Name an experiment that ran "
                    + "(@ForEach(experiment = ...) or -Devals4j.experiment)");
        }
        ExperimentInfo experiment = store.openExperiment(name, suite, config, datasetFingerprint);
        if (!experiment.config().isEmpty() && !experiment.config().equals(Map.copyOf(config))) {
            LOG.log(System.Logger.Level.INFO, "Experiment ''{0}'' of {1} resumes with other settings than it was "
                    + "created with: {2} (was {3})", name, suite, config, experiment.config());
        }
        PairClaims claims = rescoring != null ? null : store.claims(experiment.id(), storage.config().runnerId(),
                storage.config().lease()).orElse(null);
        return new ExperimentRecording(storage, store, experiment, rescoring, claims);
    }

    /** Whether other runners may share this experiment (its store is a database several processes open). */
    public boolean isShared() {
        return claims != null;
    }

    /**
     * How many pairs other runners ran while this method ran (0 when the experiment is not shared);
     * known once the method {@linkplain #finish finished}.
     */
    public long takenByOthers() {
        return takenByOthers;
    }

    /** The name this runner's leases and runs carry, if the experiment is shared. */
    public Optional<String> runnerId() {
        return Optional.ofNullable(claims).map(PairClaims::runnerId);
    }

    /** The experiment recorded into. */
    public ExperimentInfo experiment() {
        return experiment;
    }

    /**
     * The executor's input: {@code pairs} less those the experiment already completed, which go to
     * {@code events}; {@code rerun} says whether completed pairs with a failing verdict run again.
     */
    public ResumeFeed resume(Iterator<RowItem> pairs, Consumer<RowEvent> events, ResumeRerun rerun) {
        feed = new ResumeFeed(pairs, store, experiment.id(), events, rescoring, rerun, claims, LeaseWait.SLEEP,
                renewal == null ? Renewals.NONE : renewal);
        return feed;
    }

    /**
     * The executor's listener: records every finished row, then calls {@code delegate}. Every completed
     * row is committed before the executor dispatches again, so a {@code kill -9} makes the next run
     * call the model again only for the rows that were in flight.
     */
    public RecordingListener recorder(ExecutionListener<RowItem, RowOutcome> delegate) {
        recorder = new RecordingListener(delegate, store, experiment.id(), experiment.name(), rescoring);
        return recorder;
    }

    /** The first row that ended with an error, if one did (the row a stop on the first error names). */
    public Optional<String> firstFailedRow() {
        return Optional.ofNullable(recorder).map(RecordingListener::firstFailedRow);
    }

    /**
     * Sets the experiment's status after the executor returned: {@code INTERRUPTED} when the run was
     * stopped from outside (cancellation, Ctrl-C, SIGTERM), {@code ABORTED} when pairs were left
     * (a stop on the first error), {@code COMPLETED} otherwise; then flushes.
     *
     * @param pairsLeft whether some pairs neither ran nor were restored
     * @return the status set
     */
    public ExperimentStatus finish(ExecutionSummary summary, boolean pairsLeft) {
        ExperimentStatus status = summary.stopped() || storage.isShuttingDown() ? ExperimentStatus.INTERRUPTED
                : pairsLeft ? ExperimentStatus.ABORTED : ExperimentStatus.COMPLETED;
        end(status);
        return status;
    }

    /**
     * Marks the experiment {@code ABORTED} after the method failed (the dataset or the store could not
     * be read, the store could not be written), as far as the store still allows: a store failure
     * here is added to {@code cause} as suppressed.
     */
    public void abort(Throwable cause) {
        try {
            end(storage.isShuttingDown() ? ExperimentStatus.INTERRUPTED : ExperimentStatus.ABORTED);
        } catch (RuntimeException e) {
            if (e != cause) {
                cause.addSuppressed(e);
            }
        }
    }

    private void end(ExperimentStatus status) {
        if (finished) {
            return;
        }
        finished = true;
        takenByOthers = feed == null ? 0 : feed.takenByOthers();
        store.flush();
        if (claims != null) {
            renewal.stop();
            claims.release();
        }
        store.finishExperiment(experiment.id(), status);
    }

    @Override
    public String toString() {
        return "experiment '" + experiment.name() + "' of " + experiment.suite();
    }
}

package dev.evals4j.storage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.execution.ExecutionStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A {@link ResultStore} that keeps everything in this JVM's memory ({@code evals4j.storage=none}):
 * same rules as the database stores, nothing survives the JVM. Writes are applied at once.
 *
 * <p>Thread-safe: every operation holds the store's lock.
 */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryResultStore implements ResultStore {

    private static final Comparator<RunKey> KEY_ORDER =
            Comparator.comparing(RunKey::rowId).thenComparingInt(RunKey::repetition);

    private final Clock clock;
    private final FailureLatch failures = new FailureLatch();
    private final Map<Long, ExperimentInfo> experiments = new LinkedHashMap<>();
    private final Map<Long, TreeMap<RunKey, RunRecord>> runsByExperiment = new HashMap<>();
    private long nextId = 1;
    private boolean closed;

    /** An empty store on the system clock. */
    public InMemoryResultStore() {
        this(Clock.systemUTC());
    }

    /** An empty store whose experiments are created at {@code clock}'s time. */
    public InMemoryResultStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized ExperimentInfo openExperiment(
            String name, String suite, Map<String, String> config, String datasetFingerprint) {
        checkOpen();
        Optional<ExperimentInfo> existing = findExperiment(name, suite);
        ExperimentInfo info = existing
                .map(e -> e.withStatus(ExperimentStatus.RUNNING))
                .orElseGet(() -> new ExperimentInfo(nextId++, name, suite, clock.instant(),
                        Redactor.redactConfig(config), datasetFingerprint, ExperimentStatus.RUNNING));
        experiments.put(info.id(), info);
        runsByExperiment.computeIfAbsent(info.id(), id -> new TreeMap<>(KEY_ORDER));
        return info;
    }

    @Override
    public synchronized Optional<ExperimentInfo> findExperiment(String name, String suite) {
        checkOpen();
        return experiments.values().stream()
                .filter(e -> e.name().equals(name) && e.suite().equals(suite))
                .findFirst();
    }

    @Override
    public synchronized List<ExperimentInfo> listExperiments() {
        checkOpen();
        return List.copyOf(experiments.values());
    }

    @Override
    public synchronized void finishExperiment(long experimentId, ExperimentStatus status) {
        checkOpen();
        ExperimentInfo info = experiments.get(experimentId);
        if (info == null) {
            throw new StoreException("No experiment with id " + experimentId + " in the in-memory store");
        }
        if (info.status() != ExperimentStatus.COMPLETED) {
            experiments.put(experimentId, info.withStatus(status));
        }
    }

    @Override
    public synchronized Map<RunKey, RunRecord> lookup(long experimentId, Collection<RunKey> keys) {
        checkReadable();
        TreeMap<RunKey, RunRecord> runs = runsByExperiment.getOrDefault(experimentId, new TreeMap<>(KEY_ORDER));
        Map<RunKey, RunRecord> found = new HashMap<>();
        for (RunKey key : keys) {
            RunRecord run = runs.get(key);
            if (run != null) {
                found.put(key, run);
            }
        }
        return found;
    }

    @Override
    public synchronized void record(RunRecord run) {
        checkReadable();
        TreeMap<RunKey, RunRecord> runs = runsOf(run.experimentId(), "record run " + run.key());
        RunRecord stored = runs.get(run.key());
        if (ReplaceRule.replaces(stored, run)) {
            runs.put(run.key(), Redactor.redact(run));
        }
    }

    @Override
    public synchronized void updateScores(long experimentId, RunKey key, String scoresJson) {
        checkReadable();
        TreeMap<RunKey, RunRecord> runs = runsOf(experimentId, "update the scores of run " + key);
        RunRecord stored = runs.get(key);
        if (stored == null) {
            throw new StoreException("Cannot update the scores of run " + key + " of experiment "
                    + experimentId + ": no such run is stored (re-score only stored runs)");
        }
        runs.put(key, stored.withScores(Redactor.redactText(scoresJson)));
    }

    @Override
    public synchronized void flush() {
        checkReadable();
    }

    @Override
    public synchronized Stream<RunRecord> runs(long experimentId) {
        checkReadable();
        return new ArrayList<>(runsByExperiment.getOrDefault(experimentId, new TreeMap<>(KEY_ORDER)).values())
                .stream();
    }

    @Override
    public synchronized Map<ExecutionStatus, Long> runCounts(long experimentId) {
        checkReadable();
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        runsByExperiment.getOrDefault(experimentId, new TreeMap<>(KEY_ORDER))
                .values()
                .forEach(run -> counts.merge(run.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        failures.throwIfFailed();
    }

    private TreeMap<RunKey, RunRecord> runsOf(long experimentId, String action) {
        TreeMap<RunKey, RunRecord> runs = runsByExperiment.get(experimentId);
        if (runs == null) {
            throw failures.fail(new StoreException("Cannot " + action + ": there is no experiment with id "
                    + experimentId + " (open the experiment first)"));
        }
        return runs;
    }

    private void checkReadable() {
        checkOpen();
        failures.throwIfFailed();
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The in-memory result store is closed");
        }
    }
}

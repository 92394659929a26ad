package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.row.RowItem;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Re-scoring an experiment's stored outputs without calling the model
 * ({@code @ForEach(experiment = "NAME", rescore = "score,...")}): the method is called only for pairs
 * whose completed run lacks one of the named scores, with the stored output in
 * {@link dev.evals4j.api.EvalContext#storedOutput()}; the scores it returns replace those of the same
 * names in the stored run, the others are kept. Pairs that already have every named score are
 * reported as restored; pairs without a completed run are not called (there is no output to score).
 *
 * <p>Thread-safe: the resume feed adds a pair's stored run before the executor sees the pair, workers
 * read it, the recording listener removes it when the pair finishes.
 */
@API(status = INTERNAL, since = "0.1")
public final class Rescoring {

    private final Set<String> scores;
    private final Map<RowItem, RunRecord> pending = new ConcurrentHashMap<>();

    private Rescoring(Set<String> scores) {
        this.scores = scores;
    }

    /** The rescoring an annotation's {@code rescore} value asks for, or empty when it is blank. */
    public static Optional<Rescoring> of(String rescore) {
        Set<String> names = Arrays.stream(rescore.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return names.isEmpty() ? Optional.empty() : Optional.of(new Rescoring(names));
    }

    /** The score names being added. */
    public Set<String> scores() {
        return scores;
    }

    /** Whether {@code run} already has every score being added. */
    boolean isScored(RunRecord run) {
        return run.scores().stream().map(ScoreRecord::name).collect(Collectors.toSet()).containsAll(scores);
    }

    /** Notes that {@code item} will be called with the output of {@code run}. */
    void add(RowItem item, RunRecord run) {
        pending.put(item, run);
    }

    /** The stored output {@code item} is called with, parsed from JSON; empty when it is not being rescored. */
    public Optional<Object> storedOutput(RowItem item) {
        RunRecord run = pending.get(item);
        return run == null ? Optional.empty() : Optional.ofNullable(RunRecords.readOutput(run.outputJson()));
    }

    /** Forgets {@code item} and returns its stored run, or {@code null}. */
    RunRecord remove(RowItem item) {
        return pending.remove(item);
    }

    /** The stored scores with those of {@code fresh} replacing the ones of the same name. */
    static List<ScoreRecord> merge(List<ScoreRecord> stored, List<ScoreRecord> fresh) {
        Set<String> replaced = fresh.stream().map(ScoreRecord::name).collect(Collectors.toSet());
        List<ScoreRecord> merged = new ArrayList<>();
        stored.stream().filter(s -> !replaced.contains(s.name())).forEach(merged::add);
        merged.addAll(fresh);
        return merged;
    }
}

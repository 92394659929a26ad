package dev.evals4j.engine.experiment;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.row.OutcomeMapper;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.report.RowRecord;
import dev.evals4j.report.RowRecord.Verdict;
import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.ScoreRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/**
 * How a row restored from a resumed experiment is reported: it passes or fails as its stored scores
 * say (a failing row under a threshold is reported successful, as a row that ran would be), it counts
 * in the method's summary, and it carries the report entry {@value #RESTORED_KEY}{@code =true}.
 * Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class RestoredRows {

    /** The report entry key that marks a restored row. */
    public static final String RESTORED_KEY = "evals4j.restored";

    private RestoredRows() {}

    /** The JUnit result and summary verdict of a restored row. */
    public static OutcomeMapper.Mapped map(RowItem item, RunRecord run, boolean gatedByThreshold) {
        if (run.passed()) {
            return new OutcomeMapper.Mapped(TestExecutionResult.successful(), Verdict.PASSED);
        }
        if (gatedByThreshold) {
            return new OutcomeMapper.Mapped(TestExecutionResult.successful(), Verdict.FAILED);
        }
        return new OutcomeMapper.Mapped(TestExecutionResult.failed(new AssertionFailedError("Row '"
                + item.row().id() + "' failed (restored from the experiment, not run again): "
                + String.join("; ", StoredScores.failures(run.scores())))), Verdict.FAILED);
    }

    /** What the summary counts for a restored row, with its failing scores when its verdict is a failure. */
    public static RowRecord summaryRecord(RowItem item, RunRecord run, Verdict verdict) {
        return new RowRecord(item.row().id(), item.repetition(), verdict, run.attempts(), 0, 0,
                StoredScores.values(run.scores()), verdict == Verdict.FAILED ? failingScores(run) : Map.of());
    }

    /** The stored scores that failed, by name, without the synthetic verdict score. */
    public static Map<String, Double> failingScores(RunRecord run) {
        Map<String, Double> failing = new LinkedHashMap<>();
        for (ScoreRecord score : run.scores()) {
            if (!score.notFailed() && score.value() != null && !score.name().equals(StoredScores.VERDICT)) {
                failing.put(score.name(), score.value());
            }
        }
        return failing;
    }

    /** The report entry of a restored row: the marker, its stored status, attempts, scores and output. */
    public static Map<String, String> reportEntry(RunRecord run) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(RESTORED_KEY, "true");
        entry.put("evals4j.status", run.status().name());
        entry.put("evals4j.attempts", Integer.toString(run.attempts()));
        List<ScoreRecord> scores = run.scores();
        if (!scores.isEmpty()) {
            entry.put("evals4j.scores", scores.stream().filter(s -> s.value() != null)
                    .map(s -> String.format(Locale.ROOT, "%s=%.3f", s.name(), s.value()))
                    .collect(Collectors.joining(", ")));
        }
        if (run.outputJson() != null) {
            entry.put("evals4j.output", run.outputJson());
        }
        return entry;
    }
}

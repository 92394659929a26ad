package dev.evals4j.engine.run;

import dev.evals4j.engine.config.ReportMode;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.experiment.RestoredRows;
import dev.evals4j.engine.descriptor.RowDescriptor;
import dev.evals4j.engine.descriptor.RowKey;
import dev.evals4j.engine.row.OutcomeMapper;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.engine.row.VerdictMark;
import dev.evals4j.dataset.Row;
import dev.evals4j.engine.descriptor.DatasetLines;
import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.report.ObservedRow;
import dev.evals4j.report.RowEnding;
import dev.evals4j.report.RowObserver;
import dev.evals4j.report.RowRecord;
import dev.evals4j.report.SummaryAccumulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Turns the {@link RowEvent}s of one method into JUnit listener calls: a row is added to its method
 * and registered, then started when its first attempt starts, and finished when its final status is
 * known, so rows appear live and overlap under concurrency. It also counts every finished row for the
 * summary.
 *
 * <p>A row's name is given once, when it is registered, and a listener keeps it from then on. Where
 * a row's status would not show its verdict (under a {@code @Threshold} a failing row is reported
 * successful), the row is registered when it finishes instead, and its name carries the verdict's
 * {@link VerdictMark mark} and failing scores, so that it can be found by name in every report; so is
 * every row registered once finished (the failures of {@link ReportMode#FAILURES}, restored and
 * malformed rows). Reports entries and failed attempts of a row not registered yet wait for it.
 *
 * <p>Not thread-safe by design: it is confined to the thread that entered {@code execute()}, which is
 * the only thread that may call the {@link EngineExecutionListener} (IDE and Allure listeners keep
 * thread-local and unsynchronised state).
 */
final class RowReporter {

    private static final int SHOWN_OUTPUT_LENGTH = 200;

    private final EngineExecutionListener listener;
    private final ForEachMethodDescriptor method;
    private final ReportMode mode;
    private final boolean gatedByThreshold;
    private final SummaryAccumulator summary;
    private final RowObserver observer;
    private final Map<RowItem, RowDescriptor> running = new IdentityHashMap<>();
    private final Map<RowItem, List<ReportEntry>> pendingEntries = new IdentityHashMap<>();
    private final Map<RowItem, List<RowEvent.AttemptFailed>> pendingAttempts = new IdentityHashMap<>();
    private final DatasetLines lines;
    private final Set<RowKey> registered = new HashSet<>();

    RowReporter(EngineExecutionListener listener, ForEachMethodDescriptor method, ReportMode mode,
            boolean gatedByThreshold, boolean repeated) {
        this(listener, method, mode, gatedByThreshold, repeated, RowObserver.NONE, DatasetLines.NONE);
    }

    /**
     * A reporter that also tells {@code observer} about every row it reports, next to the listener calls,
     * and gives each row its line in the dataset as its source.
     */
    RowReporter(EngineExecutionListener listener, ForEachMethodDescriptor method, ReportMode mode,
            boolean gatedByThreshold, boolean repeated, RowObserver observer, DatasetLines lines) {
        this.observer = observer;
        this.lines = lines;
        this.summary = new SummaryAccumulator(repeated);
        this.listener = listener;
        this.method = method;
        this.mode = mode;
        this.gatedByThreshold = gatedByThreshold;
    }

    /** Reports one event; {@link RowEvent.RunEnded} is the caller's to handle. */
    void handle(RowEvent event) {
        if (event instanceof RowEvent.Started started) {
            onStarted(started.item());
        } else if (event instanceof RowEvent.AttemptFailed failed) {
            onAttemptFailed(failed);
        } else if (event instanceof RowEvent.Finished finished) {
            onFinished(finished.item(), finished.outcome(), finished.details());
        } else if (event instanceof RowEvent.Restored restored) {
            onRestored(restored);
        } else if (event instanceof RowEvent.Malformed malformed) {
            onMalformed(malformed);
        } else if (event instanceof RowEvent.Published published) {
            publish(published.item(), ReportEntry.from(published.key(), published.value()));
        } else {
            throw new IllegalArgumentException("not a row event: " + event);
        }
    }

    /** The counts of the rows finished so far. */
    SummaryAccumulator summary() {
        return summary;
    }

    /**
     * The entries this reporter keeps for rows: rows running, their pending report entries and attempts,
     * and the keys registered (to tell a repeated row id). Zero under {@link ReportMode#SUMMARY}, so a
     * summary-only run keeps no state per row however many rows it has.
     */
    int retainedRows() {
        return running.size() + pendingEntries.size() + pendingAttempts.size() + registered.size();
    }

    private void onStarted(RowItem item) {
        if (mode == ReportMode.ROWS && !gatedByThreshold) {
            running.put(item, register(item.key(), item.row(), false, ""));
            flushPending(item);
        }
    }

    private void onAttemptFailed(RowEvent.AttemptFailed failed) {
        String text = (failed.rateLimited() ? "rate limited, requeued: " : "failed, retrying: ") + failed.failure();
        publish(failed.item(), ReportEntry.from("evals4j.attempt." + failed.attempt(), text));
        RowDescriptor row = running.get(failed.item());
        if (row != null) {
            observer.attemptFailed(row.getUniqueId(), failed.attempt(), failed.failure(), failed.rateLimited());
        } else if (mode != ReportMode.SUMMARY) {
            pendingAttempts.computeIfAbsent(failed.item(), i -> new ArrayList<>()).add(failed);
        }
    }

    private void onFinished(RowItem item, RowOutcome outcome, ExecutionDetails details) {
        OutcomeMapper.Mapped mapped = OutcomeMapper.map(item, outcome, details, gatedByThreshold);
        Map<String, Double> failingScores = outcome == null || mapped.verdict() != RowRecord.Verdict.FAILED
                ? Map.of() : outcome.failingScores();
        summary.add(new RowRecord(item.row().id(), item.repetition(), mapped.verdict(), details.attempts(), details.rateLimitHits(),
                details.executionSeconds(), outcome == null ? Map.of() : outcome.scores(), failingScores));
        RowDescriptor row = running.remove(item);
        boolean report = mode == ReportMode.ROWS || (mode == ReportMode.FAILURES && !succeeded(mapped));
        if (!report) {
            pendingEntries.remove(item);
            pendingAttempts.remove(item);
            observer.rowNotReported(item.key().rowId(), item.key().repetition());
            return;
        }
        if (row == null) {
            row = register(item.key(), item.row(), false, VerdictMark.of(mapped.verdict(), failingScores));
            running.put(item, row);
            flushPending(item);
            running.remove(item);
        }
        listener.reportingEntryPublished(row, ReportEntry.from(finalEntry(outcome, details)));
        observer.rowFinishing(row.getUniqueId(), new RowEnding(details, mapped.verdict(),
                outcome == null ? Map.of() : outcome.scores(), outcome == null ? List.of() : outcome.failures(),
                outcome == null ? null : outcome.output()));
        listener.executionFinished(row, mapped.result());
    }

    /** A row of a resumed experiment that already completed: reported from the store, not run. */
    private void onRestored(RowEvent.Restored restored) {
        try {
            RowItem item = restored.item();
            OutcomeMapper.Mapped mapped = RestoredRows.map(item, restored.run(), gatedByThreshold);
            summary.add(RestoredRows.summaryRecord(item, restored.run(), mapped.verdict()));
            if (mode == ReportMode.ROWS || (mode == ReportMode.FAILURES && !succeeded(mapped))) {
                RowDescriptor row = register(item.key(), item.row(), true, VerdictMark.of(mapped.verdict(),
                        mapped.verdict() == RowRecord.Verdict.FAILED ? RestoredRows.failingScores(restored.run()) : Map.of()));
                listener.reportingEntryPublished(row, ReportEntry.from(RestoredRows.reportEntry(restored.run())));
                listener.executionFinished(row, mapped.result());
            }
        } finally {
            restored.onReported().run();
        }
    }

    /**
     * Whether a row succeeded, for {@link ReportMode#FAILURES}: a failing verdict is not a success even
     * where a threshold reports it successful.
     */
    private static boolean succeeded(OutcomeMapper.Mapped mapped) {
        return mapped.result().getStatus() == TestExecutionResult.Status.SUCCESSFUL
                && mapped.verdict() != RowRecord.Verdict.FAILED;
    }

    private void onMalformed(RowEvent.Malformed malformed) {
        summary.add(new RowRecord(malformed.entry().id(), 1, RowRecord.Verdict.ERROR, 0, 0, 0, Map.of()));
        if (mode == ReportMode.SUMMARY) {
            return;
        }
        RowDescriptor row = register(new RowKey(malformed.entry().id(), 0), Map.of(), malformed.entry().index(),
                malformed.entry().location(), false, VerdictMark.of(RowRecord.Verdict.ERROR, Map.of()));
        observer.rowFinishing(row.getUniqueId(),
                new RowEnding(ExecutionDetails.didNotRun(), RowRecord.Verdict.ERROR, Map.of(), List.of()));
        listener.executionFinished(row, TestExecutionResult.failed(new MalformedRowException(malformed.entry())));
    }

    private RowDescriptor register(RowKey key, Row row, boolean restored, String mark) {
        return register(key, row.columns(), row.index(), row.location(), restored, mark);
    }

    /**
     * Adds, registers and starts a row, its name carrying {@code mark} (empty while its verdict is not
     * known). A row id the dataset repeats would give two tests one unique id: the later row gets
     * {@code <id>@<index>} instead, and an entry that says why.
     */
    private RowDescriptor register(RowKey key, Map<String, ?> columns, long index, String location, boolean restored,
            String mark) {
        RowKey unique = registered.add(key) ? key : new RowKey(key.rowId() + "@" + index, key.repetition());
        RowDescriptor row = RowDescriptor.of(method, unique, columns, restored, mark, lines.sourceOf(location));
        method.addChild(row);
        listener.dynamicTestRegistered(row);
        listener.executionStarted(row);
        observer.rowStarted(new ObservedRow(row.getUniqueId(), unique.rowId(), unique.repetition(), columns));
        if (unique != key) {
            registered.add(unique);
            listener.reportingEntryPublished(row, ReportEntry.from("evals4j.warning", "the dataset repeats the row id '"
                    + key.rowId() + "'; give every row a unique id so that it can be run again on its own"));
        }
        return row;
    }

    private void publish(RowItem item, ReportEntry entry) {
        RowDescriptor row = running.get(item);
        if (row != null) {
            listener.reportingEntryPublished(row, entry);
        } else if (mode != ReportMode.SUMMARY) {
            pendingEntries.computeIfAbsent(item, i -> new ArrayList<>()).add(entry);
        }
    }

    private void flushPending(RowItem item) {
        RowDescriptor row = running.get(item);
        List<ReportEntry> entries = pendingEntries.remove(item);
        if (entries != null) {
            entries.forEach(entry -> listener.reportingEntryPublished(row, entry));
        }
        List<RowEvent.AttemptFailed> attempts = pendingAttempts.remove(item);
        if (attempts != null) {
            attempts.forEach(failed -> observer.attemptFailed(row.getUniqueId(), failed.attempt(),
                    failed.failure(), failed.rateLimited()));
        }
    }

    private static Map<String, String> finalEntry(RowOutcome outcome, ExecutionDetails details) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("evals4j.status", details.status().name());
        entry.put("evals4j.attempts", Integer.toString(details.attempts()));
        entry.put("evals4j.executionSeconds", ThreeDecimals.of(details.executionSeconds()));
        if (outcome != null && !outcome.scores().isEmpty()) {
            StringJoiner scores = new StringJoiner(", ");
            outcome.scores().forEach((name, value) -> scores.add(name + "=" + ThreeDecimals.of(value)));
            entry.put("evals4j.scores", scores.toString());
        }
        if (outcome != null && !outcome.passed()) {
            entry.put("evals4j.failures", String.join("; ", outcome.failures()));
        }
        if (outcome != null && outcome.output() != null) {
            String output = String.valueOf(outcome.output());
            entry.put("evals4j.output", output.length() <= SHOWN_OUTPUT_LENGTH ? output
                    : output.substring(0, SHOWN_OUTPUT_LENGTH - 1) + "\u2026");
        }
        return entry;
    }
}

package dev.evals4j.report.allure;

import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.ObservedRow;
import dev.evals4j.report.RowAttempts;
import dev.evals4j.report.RowEnding;
import dev.evals4j.report.RowObserver;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.TestResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.engine.UniqueId;

/**
 * The Allure bridge. Allure's JUnit Platform listener creates a test result for a row when the engine
 * reports it started, and makes it the current test case of the engine thread. Right then this
 * observer takes that test result's uuid and keeps it with the row (rows overlap, so the thread-local
 * current test case is not the row's for long), and notes its retried attempts. Right before the row
 * is reported finished, it gives the row its concurrency slot from its real start and end (see
 * {@link ConcurrencySlots}), fills the row's test result (see {@link RowResultUpdate}) with what its
 * attempts told Allure (see {@link AllureAttempts}) and its output and scores as JSON, and tells
 * {@link RowStopTimes} the row's real end, which Allure would otherwise replace by the time JUnit is
 * told. Once the method's rows are all reported, it attaches the method's summary to them (see
 * {@link SummaryContainer}).
 *
 * <p>A row is followed only if the current test case is the one Allure created for that very row (its
 * {@code junit.platform.uniqueid} label is the row's unique id), so nothing is written when Allure's
 * listener is not registered with the launcher that runs the engine (as under {@code EngineTestKit}),
 * even if an enclosing test is Allure's current test case.
 *
 * <p>Loaded only when Allure is on the class path (see {@code RowObservers}). Confined to the engine
 * thread, as every {@link RowObserver}, but for its {@link #attempts()}, which are thread-safe.
 */
final class AllureRowObserver implements RowObserver {

    /** The label under which Allure's JUnit Platform listener records a test's unique id. */
    static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";

    private final AllureLifecycle lifecycle;
    private final Clock clock;
    private final ConcurrencySlots slots = new ConcurrencySlots();
    private final Map<UniqueId, FollowedRow> rows = new HashMap<>();
    private final List<String> rowUuids = new ArrayList<>();
    private final AllureAttempts attempts;

    /** A bridge to the global Allure lifecycle, {@link Allure#getLifecycle()}. */
    public AllureRowObserver() {
        this(Allure.getLifecycle(), Clock.systemUTC());
    }

    /** A bridge to {@code lifecycle} that notes failed attempts by {@code clock}. */
    AllureRowObserver(AllureLifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.attempts = new AllureAttempts(lifecycle);
    }

    /** A row followed from its start: its Allure uuid and retried attempts. */
    private record FollowedRow(String uuid, ObservedRow row, List<FailedAttempt> retried) {}

    @Override
    public RowAttempts attempts() {
        return attempts;
    }

    @Override
    public void rowStarted(ObservedRow row) {
        lifecycle.getCurrentTestCase()
                .filter(uuid -> isTestResultOf(uuid, row.uniqueId().toString()))
                .ifPresent(uuid -> {
                    rows.put(row.uniqueId(), new FollowedRow(uuid, row, new ArrayList<>()));
                    rowUuids.add(uuid);
                });
    }

    @Override
    public void attemptFailed(UniqueId uniqueId, int attempt, Throwable failure, boolean rateLimited) {
        FollowedRow followed = rows.get(uniqueId);
        if (followed != null) {
            followed.retried().add(new FailedAttempt(attempt, rateLimited, clock.millis()));
        }
    }

    @Override
    public void rowFinishing(UniqueId uniqueId, RowEnding ending) {
        FollowedRow followed = rows.remove(uniqueId);
        if (followed == null) {
            return;
        }
        long end = ending.details().end() == null ? clock.millis() : ending.details().end().toEpochMilli();
        long start = ending.details().start() == null ? end : ending.details().start().toEpochMilli();
        if (ending.details().end() != null) {
            RowStopTimes.expect(followed.uuid(), end);
        }
        ObservedRow row = followed.row();
        List<CapturedAttempt> captured = attempts.take(row.rowId(), row.repetition());
        lifecycle.updateTestCase(followed.uuid(), new RowResultUpdate(row, slots.take(start, end), followed.retried(), ending,
                captured, Attachments.json(lifecycle, RowResultJson.NAME, RowResultJson.of(row, ending))));
    }

    /** Drops what the row's attempts told Allure: no row's result will take it. */
    @Override
    public void rowNotReported(String rowId, int repetition) {
        attempts.take(rowId, repetition);
    }

    @Override
    public void methodFinishing(MethodSummary summary, Optional<Path> chart) {
        if (!rowUuids.isEmpty()) {
            SummaryContainer.write(lifecycle, summary, chart, rowUuids, clock.millis());
        }
    }

    private boolean isTestResultOf(String uuid, String uniqueId) {
        AtomicBoolean matches = new AtomicBoolean();
        lifecycle.updateTestCase(uuid, result -> matches.set(hasUniqueId(result, uniqueId)));
        return matches.get();
    }

    private static boolean hasUniqueId(TestResult result, String uniqueId) {
        return Optional.ofNullable(result.getLabels()).orElse(List.of()).stream()
                .anyMatch(label -> UNIQUE_ID_LABEL.equals(label.getName())
                        && uniqueId.equals(label.getValue()));
    }
}

package dev.evals4j.engine.run;

import dev.evals4j.api.ForEach;
import dev.evals4j.api.Threshold;
import dev.evals4j.concurrency.RequestPacer;
import dev.evals4j.concurrency.SharedLimitPacer;
import dev.evals4j.concurrency.Throttle;
import dev.evals4j.concurrency.Ticker;
import dev.evals4j.dataset.DatasetEntry;
import dev.evals4j.dataset.DatasetSource;
import dev.evals4j.dataset.Row;
import dev.evals4j.dataset.UniqueRowIds;
import dev.evals4j.engine.binding.EvalDefinitionException;
import dev.evals4j.engine.binding.Fixtures;
import dev.evals4j.engine.binding.MethodBinding;
import dev.evals4j.engine.binding.ParameterBinder;
import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.config.MethodSettings;
import dev.evals4j.engine.descriptor.DatasetLines;
import dev.evals4j.engine.descriptor.ForEachMethodDescriptor;
import dev.evals4j.engine.experiment.ExperimentNames;
import dev.evals4j.engine.experiment.ExperimentRecording;
import dev.evals4j.engine.experiment.ExperimentStorage;
import dev.evals4j.engine.experiment.LimitSharing;
import dev.evals4j.engine.experiment.Rescoring;
import dev.evals4j.engine.experiment.ResumeFeed;
import dev.evals4j.engine.experiment.StoredSettings;
import dev.evals4j.engine.row.RowEvent;
import dev.evals4j.engine.row.RowItem;
import dev.evals4j.engine.row.RowOutcome;
import dev.evals4j.execution.ExecutionSummary;
import dev.evals4j.execution.Executor;
import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.ProgressDisplay;
import dev.evals4j.report.ProgressSnapshot;
import dev.evals4j.report.chart.ConcurrencyChart;
import dev.evals4j.report.chart.ConcurrencyTimeline;
import dev.evals4j.report.chart.TimelineListener;
import dev.evals4j.report.RowAttempts;
import dev.evals4j.report.RowObserver;
import dev.evals4j.report.allure.RowObservers;
import dev.evals4j.report.ThresholdSpec;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs one {@code @ForEach} method and reports it: the executor runs the rows on a runner thread
 * (and its own workers), while the thread that called {@link #run()} (the engine thread) drains the
 * {@link EventQueue} and makes every JUnit listener call through a {@link RowReporter}. When the
 * executor returns, the method's container gets its summary and, under thresholds, its verdict.
 *
 * <p>Used once, by the engine thread.
 */
final class MethodRun {

    private static final long POLL_MILLIS = 100;
    /** The most failing rows a missed threshold's message lists (the summary entry lists them all). */
    private static final int SHOWN_FAILING_ROWS = 50;

    private final ForEachMethodDescriptor descriptor;
    private final Object instance;
    private final Fixtures fixtures;
    private final EngineConfig config;
    private final EngineExecutionListener listener;
    private final ProgressDisplay progress;
    private final CancellationCheck cancellation;
    private final ExperimentStorage storage;
    private final EventQueue queue = new EventQueue();

    MethodRun(ForEachMethodDescriptor descriptor, Object instance, Fixtures fixtures, EngineConfig config,
            EngineExecutionListener listener, ProgressDisplay progress, CancellationCheck cancellation,
            ExperimentStorage storage) {
        this.descriptor = descriptor;
        this.instance = instance;
        this.fixtures = fixtures;
        this.config = config;
        this.listener = listener;
        this.progress = progress;
        this.cancellation = cancellation;
        this.storage = storage;
    }

    /**
     * What a method needs to run, checked before any row runs.
     *
     * @param pacer the executor's pacer, whose rate the timeline samples
     * @param timeline what the executor does over time; written by its callback thread while the executor
     *     runs, read by the engine thread once the run ended (the event queue orders the two)
     * @param sharedLimit the pacer's membership of its limit group, left when the rows ended; empty when
     *     the method paces alone
     */
    private record Plan(MethodSettings settings, MethodBinding binding, DatasetSource source,
            List<ThresholdSpec> thresholds, Executor<RowItem, RowOutcome> executor, ExperimentRecording recording,
            RequestPacer pacer, ConcurrencyTimeline timeline, Optional<SharedLimitPacer> sharedLimit) {}

    /** Runs the method, reporting its container and rows; returns its summary when its rows ran. */
    Optional<MethodSummary> run() {
        listener.executionStarted(descriptor);
        RowObserver observer = RowObservers.forMethodRun();
        Plan plan;
        try {
            plan = plan(observer.attempts());
        } catch (RuntimeException e) {
            listener.executionFinished(descriptor, TestExecutionResult.failed(e));
            return Optional.empty();
        }
        long startNanos = System.nanoTime();
        RowReporter reporter = new RowReporter(listener, descriptor, config.report(), !plan.thresholds().isEmpty(),
                plan.settings().repetitions() > 1, observer, DatasetLines.of(plan.source().file()));
        QueueingListener rowEvents = new QueueingListener(queue, config.report());
        Thread runner = new Thread(() -> runRows(plan, rowEvents), "evals4j-" + name());
        runner.setDaemon(true);
        runner.start();
        RowEvent.RunEnded end = drain(reporter, rowEvents, plan.executor(), startNanos);
        progress.finish();
        MethodSummary summary = reporter.summary().summarize(name(), end.peakConcurrency(), end.finalLimit(),
                Duration.ofNanos(System.nanoTime() - startNanos), plan.timeline().series());
        listener.reportingEntryPublished(descriptor, ReportEntry.from(summary.toReportEntry()));
        plan.recording().runnerId().ifPresent(runnerId -> listener.reportingEntryPublished(descriptor,
                ReportEntry.from("evals4j.runners", SharedExperimentLine.of(runnerId, summary.rows(),
                        plan.recording().takenByOthers()))));
        observer.methodFinishing(summary, chart(summary));
        listener.executionFinished(descriptor, verdict(plan, summary, end));
        return Optional.of(summary);
    }

    /**
     * Draws the method's concurrency chart into the report directory, unless {@code evals4j.charts} is
     * {@code false}; returns its file, empty when it was not drawn (a failure to draw it is logged).
     */
    private Optional<Path> chart(MethodSummary summary) {
        return config.charts() ? ConcurrencyChart.writeForMethod(summary.concurrency(), name(), config.reportDir())
                : Optional.empty();
    }

    private String name() {
        return descriptor.testClass().getSimpleName() + "." + descriptor.method().getName();
    }

    private Plan plan(RowAttempts attempts) {
        Method method = descriptor.method();
        ForEach annotation = descriptor.annotation();
        ReturnValues.check(method);
        boolean async = ReturnValues.isAsync(method);
        MethodSettings settings = MethodSettings.resolve(annotation, config, async, name());
        MethodBinding binding = new ParameterBinder().bind(method, annotation, fixtures);
        List<ThresholdSpec> thresholds = thresholds(method);
        DatasetSource source = RowSources.of(descriptor.testClass(), method, annotation, instance);
        Rescoring rescoring = Rescoring.of(annotation.rescore().isBlank() ? storage.config().rescore()
                : annotation.rescore()).orElse(null);
        RowInvoker invoker = new RowInvoker(instance, method, binding, queue::put,
                item -> rescoring == null ? Optional.empty() : rescoring.storedOutput(item), attempts);
        Throttle throttle = MethodExecutors.throttle(settings);
        Optional<SharedLimitPacer> sharedLimit = shareLimit(settings);
        if (sharedLimit.isPresent()) {
            throttle = new Throttle(throttle.strategy(), sharedLimit.get());
        }
        try {
            Executor<RowItem, RowOutcome> executor;
            try {
                executor = MethodExecutors.create(settings, config, invoker, async, storage.shutdownGrace(), throttle,
                        FailureClassifiers.of(annotation, config.classifiers(), descriptor.testClass().getClassLoader(),
                                name()));
            } catch (IllegalArgumentException e) {
                throw new EvalDefinitionException("Cannot configure the execution of " + name() + ": " + e.getMessage(),
                        e);
            }
            return new Plan(settings, binding, source, thresholds, executor,
                    openExperiment(settings, source, rescoring), throttle.pacer(),
                    new ConcurrencyTimeline(System.nanoTime()), sharedLimit);
        } catch (RuntimeException e) {
            sharedLimit.ifPresent(SharedLimitPacer::close);
            throw e;
        }
    }

    /**
     * Joins the method's limit group when it paces with the default pacer and its store is a database: the
     * pacer returned replaces the default one; empty otherwise (a named strategy does not pace, so there is
     * nothing to share).
     */
    private Optional<SharedLimitPacer> shareLimit(MethodSettings settings) {
        if (settings.strategy().isPresent()) {
            return Optional.empty();
        }
        return ExperimentNames.limitGroup(storage.config().limitGroup(), descriptor.annotation().experiment(),
                config.experiment()).flatMap(group -> LimitSharing.join(storage.store(), group));
    }

    /** Opens (or resumes) the experiment this method records into; a store failure fails the method. */
    private ExperimentRecording openExperiment(MethodSettings settings, DatasetSource source, Rescoring rescoring) {
        String suite = ExperimentNames.suite(descriptor.testClass(), descriptor.method());
        String experiment = ExperimentNames.experiment(descriptor.annotation().experiment(), config.experiment(),
                suite, storage.executionStart(), name -> storage.store().findExperiment(name, suite).isPresent());
        return ExperimentRecording.open(storage, experiment, suite, StoredSettings.of(settings), source.description(),
                rescoring);
    }

    private List<ThresholdSpec> thresholds(Method method) {
        return AnnotationSupport.findRepeatableAnnotations(method, Threshold.class).stream().map(t -> {
            if (!MethodSummary.isMetric(t.metric()) || t.min() > t.max()) {
                throw new EvalDefinitionException("Invalid @Threshold(metric = \"" + t.metric() + "\", min = " + t.min()
                        + ", max = " + t.max() + ") on " + name() + ": the metric must be accuracy, pass_rate, "
                        + "error_rate or mean:<score>, and min must not exceed max");
            }
            return new ThresholdSpec(t.metric(), t.min(), t.max());
        }).toList();
    }

    /**
     * The runner thread: reads the dataset lazily into the executor (a row that repeats an earlier
     * row's id is malformed) and reports how the run ended.
     */
    private void runRows(Plan plan, QueueingListener rowEvents) {
        try (Stream<DatasetEntry> entries = UniqueRowIds.open(plan.source())) {
            RowFeed feed = new RowFeed(entries.iterator(), plan.settings().limit(), descriptor.rowSelection(),
                    plan.settings().repetitions(), malformed -> queue.put(new RowEvent.Malformed(malformed)));
            Row first = feed.peekRow();
            if (first != null) {
                plan.binding().checkColumns(first, plan.source().description());
            }
            ResumeFeed pairs = plan.recording().resume(feed, queue::put, config.resumeRerun());
            ExecutionSummary summary;
            try {
                summary = plan.executor().run(pairs, new TimelineListener<>(
                        plan.recording().recorder(rowEvents), plan.timeline(), Ticker.system(),
                        plan.pacer()::requestsPerSecond));
            } finally {
                leaveLimitGroup(plan);
            }
            boolean rowsLeft = summary.didNotRun() > 0 || pairs.hasUnreadPairs();
            plan.recording().finish(summary, rowsLeft);
            queue.put(new RowEvent.RunEnded(summary.peakConcurrency(), summary.finalLimit(), rowsLeft, null));
        } catch (Throwable t) {
            leaveLimitGroup(plan);
            plan.recording().abort(t);
            queue.put(new RowEvent.RunEnded(0, 0, false, t));
        }
    }

    /** Leaves the method's limit group, if it joined one, before the run is reported ended. Idempotent. */
    private static void leaveLimitGroup(Plan plan) {
        plan.sharedLimit().ifPresent(SharedLimitPacer::close);
    }

    /** The engine thread: reports every event until the run ends; stops the executor on cancellation. */
    private RowEvent.RunEnded drain(RowReporter reporter, QueueingListener rowEvents,
            Executor<RowItem, RowOutcome> executor, long startNanos) {
        boolean stopRequested = false;
        boolean interrupted = false;
        List<RowEvent> batch = new ArrayList<>();
        try {
            while (true) {
                int previousBatch = batch.size();
                batch.clear();
                try {
                    queue.takeBatch(batch, previousBatch, POLL_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                for (RowEvent event : batch) {
                    if (event instanceof RowEvent.RunEnded end) {
                        return end;
                    }
                    reporter.handle(event);
                }
                if (!stopRequested && (interrupted || cancellation.isCancelled())) {
                    executor.stop();
                    stopRequested = true;
                }
                long now = System.nanoTime();
                progress.update(new ProgressSnapshot(name(), reporter.summary().rows(), -1, rowEvents.inFlight(),
                        reporter.summary().retries(), reporter.summary().rateLimitHits(), now - startNanos), now);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TestExecutionResult verdict(Plan plan, MethodSummary summary, RowEvent.RunEnded end) {
        if (end.failure() != null) {
            return TestExecutionResult.failed(end.failure());
        }
        List<String> violations = plan.thresholds().stream().flatMap(t -> t.violation(summary).stream()).toList();
        if (!violations.isEmpty()) {
            String failingRows = summary.failingRowsLine(SHOWN_FAILING_ROWS);
            return TestExecutionResult.failed(new AssertionFailedError("Threshold missed by " + name() + ": "
                    + String.join("; ", violations) + (failingRows.isEmpty() ? "" : ". " + failingRows)));
        }
        if (end.stopped()) {
            String why = plan.settings().stopOnFirstError()
                    ? "stopped after the first row that ended with an error" + plan.recording().firstFailedRow()
                            .map(r -> " '" + r + "'").orElse("") + " (evals4j.stopOnFirstError=true)" : "was cancelled";
            return TestExecutionResult.aborted(new TestAbortedException(name() + " " + why + "; the rows after it "
                    + "did not run"));
        }
        return TestExecutionResult.successful();
    }
}

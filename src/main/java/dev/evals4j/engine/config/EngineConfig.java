package dev.evals4j.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.report.json.SummaryFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The engine's configuration for one run, read once from the JUnit configuration parameters by
 * {@link EngineConfigReader}. Immutable. Per-method {@code @ForEach} settings override it.
 *
 * @param concurrent the {@code concurrent} key: empty lets each method decide (asynchronous methods
 *     concurrent, synchronous ones sequential)
 * @param strategy the concurrency strategy name, or empty for the default strategy
 * @param maxConcurrency the maximum rows in flight, or {@code 0} for the strategy's default
 * @param initialConcurrency the starting concurrency, or {@code 0} for the strategy's default
 * @param maxAttempts attempts per row, or {@code 0} for the retry policy's default
 * @param retryWait the wait between attempts, or empty for the retry policy's default
 * @param timeout the timeout of one attempt, or empty for the executor's default
 * @param experiment the experiment name results are recorded under, or empty for none
 * @param storage where results are stored: {@code sqlite}, {@code none} or a JDBC URL
 * @param repetitions how many times each row runs, at least 1
 * @param stopOnFirstError whether the first row that ends with an error stops its method (a failing
 *     verdict does not)
 * @param limit only the first {@code limit} rows run, or {@code 0} for all
 * @param progress the console progress display
 * @param report which rows become tests
 * @param resumeRerun which stored rows a resumed experiment runs again
 * @param classifiers the class names of the failure classifiers every method asks first, in order
 * @param charts whether each method's concurrency chart is drawn
 * @param reportDir the directory {@code summary.json} and the charts are written to
 */
@API(status = INTERNAL, since = "0.1")
public record EngineConfig(
        Optional<Boolean> concurrent,
        Optional<String> strategy,
        int maxConcurrency,
        int initialConcurrency,
        int maxAttempts,
        Optional<RetryWait> retryWait,
        Optional<Duration> timeout,
        Optional<String> experiment,
        String storage,
        int repetitions,
        boolean stopOnFirstError,
        long limit,
        ProgressMode progress,
        ReportMode report,
        ResumeRerun resumeRerun,
        List<String> classifiers,
        boolean charts,
        Path reportDir) {

    /** The default storage: the embedded SQLite file. */
    public static final String DEFAULT_STORAGE = "sqlite";

    /** Validates the invariants the reader guarantees. */
    public EngineConfig {
        Objects.requireNonNull(concurrent, "concurrent");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(resumeRerun, "resumeRerun");
        Objects.requireNonNull(reportDir, "reportDir");
        classifiers = List.copyOf(classifiers);
        if (maxConcurrency < 0 || initialConcurrency < 0 || maxAttempts < 0 || repetitions < 1 || limit < 0) {
            throw new IllegalArgumentException("inconsistent configuration: " + this);
        }
    }

    /** A configuration that draws charts into the default report directory. */
    public EngineConfig(Optional<Boolean> concurrent, Optional<String> strategy, int maxConcurrency,
            int initialConcurrency, int maxAttempts, Optional<RetryWait> retryWait, Optional<Duration> timeout,
            Optional<String> experiment, String storage, int repetitions, boolean stopOnFirstError, long limit,
            ProgressMode progress, ReportMode report, ResumeRerun resumeRerun, List<String> classifiers) {
        this(concurrent, strategy, maxConcurrency, initialConcurrency, maxAttempts, retryWait, timeout, experiment,
                storage, repetitions, stopOnFirstError, limit, progress, report, resumeRerun, classifiers, true,
                SummaryFile.DEFAULT_DIRECTORY);
    }

    /** The configuration when no parameter is set. */
    public static EngineConfig defaults() {
        return new EngineConfig(Optional.empty(), Optional.empty(), 0, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_STORAGE, 1, false, 0, ProgressMode.AUTO, ReportMode.ROWS,
                ResumeRerun.ERRORS, List.of());
    }
}

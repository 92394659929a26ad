package dev.evals4j.engine.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.engine.config.ConfigKeys;
import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.descriptor.EvalClassDescriptor;
import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import dev.evals4j.engine.experiment.ExperimentConfig;
import dev.evals4j.engine.experiment.ExperimentStorage;
import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.ProgressDisplay;
import dev.evals4j.report.SummaryTable;
import dev.evals4j.report.Terminals;
import dev.evals4j.report.json.SummaryFile;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Executes an evals4j test plan: the classes one after the other on the thread that called
 * {@link #execute}, which also makes every listener call; prints the summary table at the end.
 * This deliberately does not use {@code HierarchicalTestEngine}'s executor: a row waiting for a
 * retry must not hold a pool thread, so rows run on the executor of {@code dev.evals4j.execution}.
 */
@API(status = INTERNAL, since = "0.1")
public final class EvalsExecution {

    private static final System.Logger LOG = System.getLogger(EvalsExecution.class.getName());

    private final PrintStream out;

    /** An execution that prints its progress and summary to {@code out}. */
    public EvalsExecution(PrintStream out) {
        this.out = out;
    }

    /** Executes {@code request}, whose root is an {@link EvalsEngineDescriptor}. */
    public void execute(ExecutionRequest request) {
        EvalsEngineDescriptor root = (EvalsEngineDescriptor) request.getRootTestDescriptor();
        EngineConfig config = root.config();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        CancellationCheck cancellation = CancellationCheck.of(request);
        ProgressDisplay progress = new ProgressDisplay(out, progressStyle(config));
        listener.executionStarted(root);
        List<MethodSummary> summaries = new ArrayList<>();
        TestExecutionResult result = TestExecutionResult.successful();
        ExperimentStorage storage = new ExperimentStorage(config.storage(), Path.of("").toAbsolutePath(), Instant.now(),
                ExperimentConfig.read(request.getConfigurationParameters()));
        try {
            for (TestDescriptor child : List.copyOf(root.getChildren())) {
                if (child instanceof EvalClassDescriptor testClass) {
                    summaries.addAll(new ClassRun(testClass, config, listener, progress, cancellation, storage).run());
                }
            }
        } finally {
            result = closeStorage(storage);
        }
        if (!summaries.isEmpty()) {
            out.print(SummaryTable.render(summaries));
            out.flush();
            writeSummaryFile(summaries, request);
        }
        listener.executionFinished(root, result);
    }

    /** Closes the results store; a failure to make its last writes durable fails the engine's container. */
    private static TestExecutionResult closeStorage(ExperimentStorage storage) {
        try {
            storage.close();
            return TestExecutionResult.successful();
        } catch (RuntimeException e) {
            return TestExecutionResult.failed(e);
        }
    }

    /** Writes {@code summary.json}; a failure to write it is logged, never fails the run. */
    private static void writeSummaryFile(List<MethodSummary> summaries, ExecutionRequest request) {
        try {
            Path directory = ConfigKeys.REPORT_DIR.readOrDefault(request.getConfigurationParameters());
            Path file = SummaryFile.write(summaries, Instant.now(), directory);
            LOG.log(Level.DEBUG, () -> "evals4j summary written to " + file.toAbsolutePath());
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, e.getMessage());
        } catch (InvalidPathException e) {
            LOG.log(Level.WARNING, "evals4j.reportDir is not a valid directory path: " + e.getMessage());
        }
    }

    private static ProgressDisplay.Style progressStyle(EngineConfig config) {
        return switch (config.progress()) {
            case OFF -> ProgressDisplay.Style.OFF;
            case BAR -> ProgressDisplay.Style.LIVE;
            case LINES -> ProgressDisplay.Style.LINES;
            case AUTO -> Terminals.isInteractive() ? ProgressDisplay.Style.LIVE : ProgressDisplay.Style.LINES;
        };
    }
}

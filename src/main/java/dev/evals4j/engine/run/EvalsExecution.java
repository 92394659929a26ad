package dev.evals4j.engine.run;

import dev.evals4j.engine.config.EngineConfig;
import dev.evals4j.engine.descriptor.EvalClassDescriptor;
import dev.evals4j.engine.descriptor.EvalsEngineDescriptor;
import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.ProgressDisplay;
import dev.evals4j.report.SummaryTable;
import dev.evals4j.report.Terminals;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
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
public final class EvalsExecution {

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
        for (TestDescriptor child : List.copyOf(root.getChildren())) {
            if (child instanceof EvalClassDescriptor testClass) {
                summaries.addAll(new ClassRun(testClass, config, listener, progress, cancellation).run());
            }
        }
        if (!summaries.isEmpty()) {
            out.print(SummaryTable.render(summaries));
            out.flush();
        }
        listener.executionFinished(root, TestExecutionResult.successful());
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

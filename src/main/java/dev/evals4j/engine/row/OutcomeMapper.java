package dev.evals4j.engine.row;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.report.RowRecord.Verdict;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Maps a row's final status and outcome to a JUnit {@link TestExecutionResult} and a summary
 * {@link Verdict}. Stateless.
 *
 * <ul>
 *   <li>completed with a passing outcome: successful;
 *   <li>completed with a failing outcome: failed with the assertion the method threw (so that an IDE
 *       shows its expected and actual values) or an {@link AssertionFailedError} naming the failing
 *       checks, or successful when the method is gated by a threshold (the summary still counts it as failed);
 *   <li>failed (an error: an exception after the last attempt, a timeout): failed with the last exception,
 *       the earlier attempts' exceptions attached as suppressed, so the whole history reaches reports that
 *       ignore report entries (Surefire);
 *   <li>did not run: aborted with the reason.
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class OutcomeMapper {

    private OutcomeMapper() {}

    /**
     * How a row ended.
     *
     * @param result what JUnit is told
     * @param verdict what the summary counts
     */
    public record Mapped(TestExecutionResult result, Verdict verdict) {}

    /** The result of {@code item}; {@code outcome} is ignored unless the details say it completed. */
    public static Mapped map(RowItem item, RowOutcome outcome, ExecutionDetails details, boolean gatedByThreshold) {
        List<Throwable> history = details.exceptions();
        return switch (details.status()) {
            case COMPLETED, COMPLETED_WITH_RETRIES -> {
                if (outcome == null || outcome.passed()) {
                    yield new Mapped(TestExecutionResult.successful(), Verdict.PASSED);
                }
                if (gatedByThreshold) {
                    yield new Mapped(TestExecutionResult.successful(), Verdict.FAILED);
                }
                AssertionError failure = outcome.assertion() != null ? outcome.assertion()
                        : new AssertionFailedError("Row '" + item.row().id() + "' failed: "
                                + String.join("; ", outcome.failures()));
                history.forEach(failure::addSuppressed);
                yield new Mapped(TestExecutionResult.failed(failure), Verdict.FAILED);
            }
            case FAILED -> {
                Throwable last = details.lastException();
                if (last == null) {
                    last = new IllegalStateException("Row '" + item.row().id() + "' failed without an exception");
                }
                for (Throwable earlier : history.subList(0, Math.max(0, history.size() - 1))) {
                    if (earlier != last) {
                        last.addSuppressed(earlier);
                    }
                }
                yield new Mapped(TestExecutionResult.failed(last), Verdict.ERROR);
            }
            case DID_NOT_RUN -> {
                TestAbortedException reason = new TestAbortedException("Row '" + item.row().id()
                        + "' did not run: the method stopped early (stopOnFirstError after an error, or cancellation)",
                        details.lastException());
                yield new Mapped(TestExecutionResult.aborted(reason), Verdict.DID_NOT_RUN);
            }
        };
    }
}

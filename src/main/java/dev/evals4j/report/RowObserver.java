package dev.evals4j.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * Follows the rows of one {@code @ForEach} method as the engine reports them, for reporters that
 * need more than JUnit's listener calls (the Allure bridge). Every call is made by the thread that
 * reports to JUnit, in the order of that thread's listener calls: {@link #rowStarted} right after
 * a row's {@code executionStarted}, {@link #rowFinishing} right before its {@code executionFinished}.
 * Rows overlap under concurrency, so an implementation keeps its state per row, keyed by the row's
 * unique id. Implementations need not be thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public interface RowObserver {

    /** An observer that does nothing. */
    RowObserver NONE = new RowObserver() {
        @Override
        public void rowStarted(ObservedRow row) {}

        @Override
        public void attemptFailed(UniqueId uniqueId, int attempt, Throwable failure, boolean rateLimited) {}

        @Override
        public void rowFinishing(UniqueId uniqueId, RowEnding ending) {}
    };

    /**
     * What follows each attempt of this method's rows on the threads that run them; unlike the rest of
     * this interface, it is called from those threads, and is thread-safe.
     */
    default RowAttempts attempts() {
        return RowAttempts.NONE;
    }

    /** The row has just been reported as started. */
    void rowStarted(ObservedRow row);

    /**
     * Attempt {@code attempt} (1-based) of a started row failed and will be retried.
     *
     * @param uniqueId the row's unique id, as in {@link ObservedRow#uniqueId()}
     * @param rateLimited whether a rate limit rejected the attempt
     */
    void attemptFailed(UniqueId uniqueId, int attempt, Throwable failure, boolean rateLimited);

    /**
     * The row is about to be reported as finished; no call about it follows.
     *
     * @param uniqueId the row's unique id, as in {@link ObservedRow#uniqueId()}
     */
    void rowFinishing(UniqueId uniqueId, RowEnding ending);

    /**
     * The row finished and is not reported (under {@code report=summary}, or a success under
     * {@code report=failures}): no call about it follows, so what was kept for it, such as what its
     * {@linkplain #attempts() attempts} told the observer, can go.
     *
     * @param rowId the row's id, as its attempts were entered with
     * @param repetition the repetition its attempts were entered with ({@code 0} when the method does not
     *     repeat its rows)
     */
    default void rowNotReported(String rowId, int repetition) {}

    /**
     * The method's rows are all reported, and its container is about to be reported finished with
     * {@code summary}; {@code chart} is its concurrency chart's PNG file, when one was drawn.
     */
    default void methodFinishing(MethodSummary summary, Optional<Path> chart) {}
}

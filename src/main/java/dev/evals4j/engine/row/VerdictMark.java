package dev.evals4j.engine.row;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.evals4j.report.FailingRow;
import dev.evals4j.report.RowRecord.Verdict;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The mark a row's name carries once its verdict is known, so that a failing row can be found by its
 * name in every report, even where it is reported successful (under a {@code @Threshold}): {@value #PASSED}
 * for a passing row, {@value #FAILED} and the failing scores for a failing one (such as
 * {@code ✗ numeric_match=0}), {@value #FAILED} {@value #ERROR} for a row that ended with an exception, and
 * nothing for a row that did not run. Stateless.
 */
@API(status = INTERNAL, since = "0.1")
public final class VerdictMark {

    /** The mark of a passing row. */
    public static final String PASSED = "\u2713";
    /** The mark of a row with a failing verdict or an error. */
    public static final String FAILED = "\u2717";
    /** What follows {@value #FAILED} for a row that ended with an exception. */
    public static final String ERROR = "error";

    private VerdictMark() {}

    /**
     * The mark of a row that ended with {@code verdict}.
     *
     * @param failingScores the scores that failed, shown after the mark of a failing row
     */
    public static String of(Verdict verdict, Map<String, Double> failingScores) {
        return switch (verdict) {
            case PASSED -> PASSED;
            case FAILED -> failingScores.isEmpty() ? FAILED : FAILED + " " + FailingRow.scoresText(failingScores);
            case ERROR -> FAILED + " " + ERROR;
            case DID_NOT_RUN -> "";
        };
    }
}

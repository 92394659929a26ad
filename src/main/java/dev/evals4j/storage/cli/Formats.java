package dev.evals4j.storage.cli;

import dev.evals4j.storage.RunRecord;
import dev.evals4j.storage.RunSummary;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the command-line view writes numbers and outcomes. */
final class Formats {

    private Formats() {}

    /** {@code 66.7% [0.208, 0.939]}, or {@code n/a} when nothing completed. */
    static String accuracy(RunSummary summary) {
        if (summary.accuracy().isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%% %s", 100 * summary.accuracy().getAsDouble(),
                summary.accuracyInterval().orElseThrow());
    }

    /** A score mean with three decimals, or {@code -}. */
    static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** A signed difference with three decimals, or {@code -}. */
    static String change(Double from, Double to) {
        return from == null || to == null ? "-" : String.format(Locale.ROOT, "%+.3f", to - from);
    }

    /** An instant to the second, {@code 2026-01-01T10:00:00Z}. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The outcome of a run that passed. */
    static final String PASS = "pass";
    /** The outcome of a run that completed with a failing verdict. */
    static final String FAIL = "fail";
    /** The outcome of a run that ended with an exception after its attempts, or a timeout. */
    static final String ERROR = "error";
    /** The outcome of a run that never started. */
    static final String DID_NOT_RUN = "did-not-run";

    /** {@link #PASS}, {@link #FAIL} (a failing verdict), {@link #ERROR} or {@link #DID_NOT_RUN}. */
    static String outcome(RunRecord run) {
        if (run.passed()) {
            return PASS;
        }
        return switch (run.status()) {
            case COMPLETED, COMPLETED_WITH_RETRIES -> FAIL;
            case FAILED -> ERROR;
            case DID_NOT_RUN -> DID_NOT_RUN;
        };
    }

    /** {@code text} on one line: every run of whitespace that holds a line break becomes one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

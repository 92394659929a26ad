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

    /** {@code pass}, {@code fail} (a score failed), {@code failed} (an error) or {@code did-not-run}. */
    static String outcome(RunRecord run) {
        if (run.passed()) {
            return "pass";
        }
        return switch (run.status()) {
            case COMPLETED, COMPLETED_WITH_RETRIES -> "fail";
            case FAILED -> "failed";
            case DID_NOT_RUN -> "did-not-run";
        };
    }
}

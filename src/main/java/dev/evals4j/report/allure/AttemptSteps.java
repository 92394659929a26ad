package dev.evals4j.report.allure;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.report.RowEnding;
import dev.evals4j.report.RowRecord;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.util.ResultsUtils;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds one Allure step per attempt of a row. The k-th exception of the row's history belongs to
 * its k-th attempt: it is {@code failed} for an assertion and {@code broken} otherwise, with the
 * exception's message and trace. The last attempt of a completed row is {@code passed}, or
 * {@code failed} with its failing checks; an attempt cancelled before its outcome is {@code skipped}.
 * The first attempt starts when the row started, the last one stops when the row ended, and a retried
 * attempt stops when its failure was reported. What the eval method itself told Allure during an
 * attempt (its steps and attachments) goes under that attempt's step. Stateless.
 */
final class AttemptSteps {

    private AttemptSteps() {}

    /**
     * The steps of a row that ended as {@code ending}, given the retried attempts the bridge saw and what the
     * method told Allure during its attempts; a capture of an attempt the row does not count goes under its
     * last step.
     */
    static List<StepResult> of(RowEnding ending, List<FailedAttempt> retried, List<CapturedAttempt> captured) {
        ExecutionDetails details = ending.details();
        Map<Integer, FailedAttempt> seen = retried.stream()
                .collect(Collectors.toMap(FailedAttempt::attempt, Function.identity(), (first, second) -> first));
        List<StepResult> steps = new ArrayList<>(details.attempts());
        for (int attempt = 1; attempt <= details.attempts(); attempt++) {
            FailedAttempt failed = seen.get(attempt);
            boolean last = attempt == details.attempts();
            StepResult step = new StepResult()
                    .setName("attempt " + attempt + (failed != null && failed.rateLimited() ? " (rate limited)" : ""))
                    .setStage(Stage.FINISHED)
                    .setStart(attempt == 1 ? millis(details.start()) : null)
                    .setStop(failed != null ? Long.valueOf(failed.seenAtMillis()) : last ? millis(details.end()) : null);
            outcome(step, attempt, ending);
            steps.add(step);
        }
        for (CapturedAttempt attempt : captured) {
            if (!steps.isEmpty()) {
                attempt.addTo(steps.get(Math.min(attempt.attempt(), steps.size()) - 1));
            }
        }
        return steps;
    }

    private static void outcome(StepResult step, int attempt, RowEnding ending) {
        ExecutionDetails details = ending.details();
        List<Throwable> exceptions = details.exceptions();
        if (attempt <= exceptions.size()) {
            Throwable failure = exceptions.get(attempt - 1);
            step.setStatus(ResultsUtils.getStatus(failure).orElse(Status.BROKEN));
            step.setStatusDetails(ResultsUtils.getStatusDetails(failure).orElse(null));
        } else if (attempt == details.attempts() && details.status().isCompleted()) {
            boolean passed = ending.verdict() == RowRecord.Verdict.PASSED;
            step.setStatus(passed ? Status.PASSED : Status.FAILED);
            if (!passed) {
                step.setStatusDetails(new StatusDetails().setMessage(String.join("; ", ending.failures())));
            }
        } else {
            step.setStatus(Status.SKIPPED);
            step.setStatusDetails(new StatusDetails().setMessage("cancelled before its outcome was known"));
        }
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}

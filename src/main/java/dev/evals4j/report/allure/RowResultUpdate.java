package dev.evals4j.report.allure;

import dev.evals4j.execution.ExecutionDetails;
import dev.evals4j.report.ObservedRow;
import dev.evals4j.report.RowEnding;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the bridge writes into a row's Allure test result before JUnit finishes it: the row id, its
 * repetition and columns (each value shortened), its execution status, attempts and scores as
 * parameters; its real start and stop times; one step per attempt; and a {@code thread} label
 * naming its concurrency slot, so that Allure's timeline draws the rows that overlapped side by side;
 * what the eval method told Allure during its attempts; and the row's result as a JSON attachment.
 * Immutable.
 *
 * @param row the row
 * @param slot the row's concurrency slot
 * @param retried the retried attempts the bridge saw
 * @param ending how the row ended
 * @param captured what the method told Allure during its attempts
 * @param resultJson the attachment with the row's output and scores (already written), or {@code null}
 */
record RowResultUpdate(ObservedRow row, int slot, List<FailedAttempt> retried, RowEnding ending,
        List<CapturedAttempt> captured, Attachment resultJson) implements Consumer<TestResult> {

    /** The longest parameter value written; longer values are cut and end with an ellipsis. */
    static final int MAX_VALUE_LENGTH = 120;

    /** The name of the label Allure's timeline groups tests by. */
    static final String THREAD_LABEL = ResultsUtils.THREAD_LABEL_NAME;

    /** Validates and copies. */
    RowResultUpdate {
        retried = List.copyOf(retried);
        captured = List.copyOf(captured);
    }

    /** The value of the {@code thread} label of a row in {@code slot}. */
    static String threadName(int slot) {
        return "slot-" + slot;
    }

    @Override
    public void accept(TestResult result) {
        ExecutionDetails details = ending.details();
        List<Parameter> parameters = result.getParameters();
        parameters.add(parameter("row", row.rowId()));
        if (row.repetition() > 0) {
            parameters.add(parameter("repetition", Integer.toString(row.repetition())));
        }
        row.columns().forEach((name, value) -> parameters.add(parameter(name, String.valueOf(value))));
        parameters.add(parameter("status", details.status().name()));
        parameters.add(parameter("attempts", Integer.toString(details.attempts())));
        for (Map.Entry<String, Double> score : ending.scores().entrySet()) {
            parameters.add(parameter("score " + score.getKey(), String.format(Locale.ROOT, "%.3f", score.getValue())));
        }
        result.getLabels().removeIf(label -> THREAD_LABEL.equals(label.getName()));
        result.getLabels().add(new Label().setName(THREAD_LABEL).setValue(threadName(slot)));
        if (details.start() != null) {
            result.setStart(details.start().toEpochMilli());
        }
        if (details.end() != null) {
            result.setStop(details.end().toEpochMilli());
        }
        result.getSteps().addAll(AttemptSteps.of(ending, retried, captured));
        captured.forEach(attempt -> attempt.addTo(result));
        if (resultJson != null) {
            result.getAttachments().add(resultJson);
        }
    }

    private static Parameter parameter(String name, String value) {
        return new Parameter().setName(name).setValue(shorten(value));
    }

    /** {@code value} cut to {@link #MAX_VALUE_LENGTH} characters, ending with an ellipsis when cut. */
    static String shorten(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH - 1) + "\u2026";
    }
}

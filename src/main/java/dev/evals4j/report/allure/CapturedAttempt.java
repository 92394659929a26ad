package dev.evals4j.report.allure;

import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What an eval method told Allure during one attempt, taken from the stand-in it told it to: the steps and
 * attachments belong under the attempt's step, the parameters, labels, links and description to the row's
 * result. Its lists are the caller's once {@linkplain #takeFrom taken}.
 *
 * @param attempt the 1-based attempt
 * @param steps the steps the method made
 * @param attachments the attachments it added
 * @param parameters the parameters it added
 * @param labels the labels it added
 * @param links the links it added
 * @param description its description, or {@code null}
 * @param descriptionHtml its HTML description, or {@code null}
 */
record CapturedAttempt(int attempt, List<StepResult> steps, List<Attachment> attachments, List<Parameter> parameters,
        List<Label> labels, List<Link> links, String description, String descriptionHtml) {

    /** Moves what {@code standIn} was told into a new capture, leaving the stand-in empty for its next attempt. */
    static CapturedAttempt takeFrom(int attempt, TestResult standIn) {
        CapturedAttempt captured = new CapturedAttempt(attempt, new ArrayList<>(standIn.getSteps()),
                new ArrayList<>(standIn.getAttachments()), new ArrayList<>(standIn.getParameters()),
                new ArrayList<>(standIn.getLabels()), new ArrayList<>(standIn.getLinks()), standIn.getDescription(),
                standIn.getDescriptionHtml());
        standIn.getSteps().clear();
        standIn.getAttachments().clear();
        standIn.getParameters().clear();
        standIn.getLabels().clear();
        standIn.getLinks().clear();
        standIn.setDescription(null);
        standIn.setDescriptionHtml(null);
        return captured;
    }

    /** Whether the method told Allure nothing. */
    boolean isEmpty() {
        return steps.isEmpty() && attachments.isEmpty() && parameters.isEmpty() && labels.isEmpty() && links.isEmpty()
                && description == null && descriptionHtml == null;
    }

    /** Adds the parameters, labels, links and description to the row's {@code result}. */
    void addTo(TestResult result) {
        result.getParameters().addAll(parameters);
        result.getLabels().addAll(labels);
        result.getLinks().addAll(links);
        if (description != null) {
            result.setDescription(description);
        }
        if (descriptionHtml != null) {
            result.setDescriptionHtml(descriptionHtml);
        }
    }

    /** Adds the steps and attachments to the attempt's {@code step}. */
    void addTo(StepResult step) {
        step.getSteps().addAll(steps);
        step.getAttachments().addAll(attachments);
    }
}

package dev.evals4j.report.allure;

import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.json.SummaryFile;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResultContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Attaches a method's summary to its rows in Allure. Allure attaches files to a container only through its
 * fixtures, and shows a container's fixtures on each of its children: so the summary is a tear-down
 * fixture, named after the method, of a container whose children are the method's row results, and the
 * report shows it (with the summary as JSON, the figures of {@code summary.json}) on every row. Stateless.
 */
final class SummaryContainer {

    /** The name of the summary's attachment. */
    static final String ATTACHMENT_NAME = "summary";

    private SummaryContainer() {}

    /** The fixture's name for the method {@code methodName}. */
    static String fixtureName(String methodName) {
        return "evals4j summary of " + methodName;
    }

    /** Writes the container of the rows {@code rowUuids} with {@code summary}, made at {@code nowMillis}. */
    static void write(AllureLifecycle lifecycle, MethodSummary summary, List<String> rowUuids, long nowMillis) {
        FixtureResult fixture = new FixtureResult().setName(fixtureName(summary.name())).setStage(Stage.FINISHED)
                .setStatus(Status.PASSED).setStart(nowMillis).setStop(nowMillis);
        fixture.getAttachments().add(JsonAttachments.write(lifecycle, ATTACHMENT_NAME, SummaryFile.methodJson(summary)));
        String uuid = UUID.randomUUID().toString();
        lifecycle.startTestContainer(new TestResultContainer().setUuid(uuid).setName(summary.name())
                .setChildren(new ArrayList<>(rowUuids)).setAfters(new ArrayList<>(List.of(fixture))));
        lifecycle.stopTestContainer(uuid);
        lifecycle.writeTestContainer(uuid);
    }
}

package dev.evals4j.report.allure;

import dev.evals4j.report.MethodSummary;
import dev.evals4j.report.json.SummaryFile;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /** The name of the concurrency chart's attachment. */
    static final String CHART_NAME = "concurrency";

    private SummaryContainer() {}

    /** The fixture's name for the method {@code methodName}. */
    static String fixtureName(String methodName) {
        return "evals4j summary of " + methodName;
    }

    /**
     * Writes the container of the rows {@code rowUuids} with {@code summary} and the method's concurrency
     * {@code chart} (a PNG file, when one was drawn), made at {@code nowMillis}.
     */
    static void write(AllureLifecycle lifecycle, MethodSummary summary, Optional<Path> chart, List<String> rowUuids,
            long nowMillis) {
        FixtureResult fixture = new FixtureResult().setName(fixtureName(summary.name())).setStage(Stage.FINISHED)
                .setStatus(Status.PASSED).setStart(nowMillis).setStop(nowMillis);
        fixture.getAttachments().add(Attachments.json(lifecycle, ATTACHMENT_NAME, SummaryFile.methodJson(summary)));
        chart.flatMap(SummaryContainer::read).ifPresent(png ->
                fixture.getAttachments().add(Attachments.png(lifecycle, CHART_NAME, png)));
        String uuid = UUID.randomUUID().toString();
        lifecycle.startTestContainer(new TestResultContainer().setUuid(uuid).setName(summary.name())
                .setChildren(new ArrayList<>(rowUuids)).setAfters(new ArrayList<>(List.of(fixture))));
        lifecycle.stopTestContainer(uuid);
        lifecycle.writeTestContainer(uuid);
    }

    private static Optional<byte[]> read(Path chart) {
        try {
            return Optional.of(Files.readAllBytes(chart));
        } catch (IOException e) {
            System.getLogger(SummaryContainer.class.getName()).log(System.Logger.Level.WARNING,
                    "evals4j: cannot attach the concurrency chart " + chart + " to Allure: " + e);
            return Optional.empty();
        }
    }
}

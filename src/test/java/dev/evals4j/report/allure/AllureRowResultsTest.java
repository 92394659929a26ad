package dev.evals4j.report.allure;

import static dev.evals4j.report.allure.AllureResults.attachmentNames;
import static dev.evals4j.report.allure.AllureResults.parameters;
import static dev.evals4j.report.allure.AllureResults.stepNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evals4j.report.fixtures.AllureEvals;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link AllureEvals} once through the real Launcher, with Allure's JUnit Platform listener registered
 * by its {@code ServiceLoader} entry as in a user's build, and reads the {@code allure-results} it wrote:
 * what the evals told Allure from the executor's threads, and what evals4j adds to each row and method.
 */
class AllureRowResultsTest {

    @TempDir
    static Path resultsDirectory;

    @TempDir
    static Path reports;

    private static AllureLifecycle previousLifecycle;
    private static AllureResults results;

    @BeforeAll
    static void runTheEvalsWithAllure() {
        previousLifecycle = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(resultsDirectory)));
        AllureEvals.reset();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(AllureEvals.class))
                .filters(includeEngines("evals4j"))
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.retry.wait", "none")
                .configurationParameter("evals4j.storage", "none")
                .configurationParameter("evals4j.reportDir", reports.toString())
                .build());
        results = new AllureResults(resultsDirectory);
    }

    @AfterAll
    static void restoreTheLifecycle() {
        Allure.setLifecycle(previousLifecycle);
    }

    @Test
    void stepsAttachmentsAndParametersMadeOnAWorkerThreadLandOnTheirRowUnderTheirAttempt() {
        Map<String, JsonNode> rows = results.rowsOf("answered");

        assertThat(rows).containsOnlyKeys("flaky", "fails", "passes");
        for (Map.Entry<String, JsonNode> row : rows.entrySet()) {
            assertThat(parameters(row.getValue())).as(row.getKey()).containsEntry("model", "sim-1");
            JsonNode lastAttempt = row.getValue().path("steps").get(row.getValue().path("steps").size() - 1);
            assertThat(stepNames(lastAttempt)).as(row.getKey()).singleElement().asString()
                    .startsWith("ask " + row.getKey() + " (call ");
            assertThat(attachmentNames(lastAttempt)).as(row.getKey()).containsExactly("prompt");
            assertThat(results.attachment(lastAttempt.path("attachments").get(0).path("source").asText()))
                    .isEqualTo("Q: " + row.getKey());
        }
        JsonNode flaky = rows.get("flaky");
        assertThat(stepNames(flaky)).containsExactly("attempt 1", "attempt 2");
        assertThat(stepNames(flaky.path("steps").get(0))).containsExactly("ask flaky (call 1)");
        assertThat(flaky.path("steps").get(0).path("statusDetails").path("message").asText())
                .contains("connection reset (call 1)");
        assertThat(stepNames(flaky.path("steps").get(1))).containsExactly("ask flaky (call 2)");
    }

    @Test
    void aStepMadeOnTheThreadThatCompletesAnAsynchronousEvalLandsOnItsRow() {
        Map<String, JsonNode> rows = results.rowsOf("asynchronous");

        assertThat(rows).containsOnlyKeys("flaky", "fails", "passes");
        rows.forEach((id, row) -> assertThat(stepNames(row.path("steps").get(0))).as(id)
                .containsExactly("answered " + id + " on the client's thread"));
    }

    @Test
    void eachRowCarriesItsColumnsStatusAndItsOutputAndScoresAsJson() {
        JsonNode fails = results.rowsOf("answered").get("fails");

        assertThat(parameters(fails)).containsEntry("row", "fails").containsEntry("question", "fails")
                .containsEntry("status", "COMPLETED");
        JsonNode json = results.jsonAttachment(fails, "evals4j result");
        assertThat(json.path("output").asText()).isEqualTo("answer to fails");
        assertThat(json.path("scores").path("exact_match").asDouble()).isEqualTo(0.0);
        assertThat(json.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void eachMethodGetsItsSummaryAndItsConcurrencyChartAttachedToItsRows() {
        Map<String, JsonNode> rows = results.rowsOf("answered");
        List<JsonNode> summaries = new ArrayList<>();
        List<byte[]> charts = new ArrayList<>();
        for (JsonNode container : results.containers()) {
            for (JsonNode after : container.path("afters")) {
                if (after.path("name").asText().equals("evals4j summary of AllureEvals.answered")) {
                    List<String> children = new ArrayList<>();
                    container.path("children").forEach(child -> children.add(child.asText()));
                    assertThat(children).containsExactlyInAnyOrderElementsOf(
                            rows.values().stream().map(row -> row.path("uuid").asText()).toList());
                    summaries.add(results.jsonAttachment(after, "summary"));
                    charts.add(results.pngAttachment(after, "concurrency"));
                }
            }
        }

        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.path("rows").asLong()).isEqualTo(3);
            assertThat(summary.path("failed").asLong()).isEqualTo(1);
            assertThat(summary.path("retries").asLong()).isEqualTo(1);
        });
        assertThat(charts).singleElement().satisfies(png -> assertThat(ImageIO.read(new ByteArrayInputStream(png)))
                .as("a readable PNG image").isNotNull());
    }

    @Test
    void aRowUnderAThresholdStartsWhenItStartedAlthoughItIsRegisteredWhenItFinishes() {
        Map<String, JsonNode> rows = results.rowsOf("gated");

        assertThat(rows).containsOnlyKeys("flaky", "fails", "passes");
        rows.forEach((id, row) -> {
            assertThat(row.path("start").asLong()).as(id).isLessThanOrEqualTo(AllureEvals.calledAt(id));
            assertThat(row.path("stop").asLong()).as(id).isGreaterThan(AllureEvals.calledAt(id));
            assertThat(stepNames(row.path("steps").get(0))).as(id).containsExactly("graded " + id);
        });
    }

    @Test
    void rowsThatOverlappedUnderAThresholdAreDrawnOnDistinctSlotsAlthoughTheyAreRegisteredOneAfterTheOther() {
        Map<String, JsonNode> rows = results.rowsOf("gatedTogether");

        assertThat(rows).containsOnlyKeys("flaky", "fails", "passes");
        assertThat(rows.values().stream().map(row -> AllureResults.labels(row, "thread")).toList())
                .containsExactlyInAnyOrder(List.of("slot-1"), List.of("slot-2"), List.of("slot-3"));
    }

    @Test
    void theCapturesBehindTheRowsAreNeverWritten() {
        assertThat(results.results()).allSatisfy(result -> assertThat(AllureResults.labels(result,
                "junit.platform.uniqueid")).as(result.path("name").asText()).isNotEmpty());
        assertThat(results.results().stream().filter(result -> result.path("name").asText().contains("[row:")
                || !AllureResults.labels(result, "junit.platform.uniqueid").toString().contains("[row:")).toList())
                .as("results that are no row's").isEmpty();
    }
}

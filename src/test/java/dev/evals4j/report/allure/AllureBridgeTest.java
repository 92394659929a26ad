package dev.evals4j.report.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.report.fixtures.ReportedEvals;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs {@link ReportedEvals} through the real Launcher, with Allure's JUnit Platform listener registered
 * by its {@code ServiceLoader} entry as in a user's build, and reads the Allure results it wrote.
 */
class AllureBridgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    @TempDir
    Path reports;

    private AllureLifecycle previousLifecycle;

    @BeforeEach
    void writeAllureResultsToATemporaryDirectory() {
        previousLifecycle = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        ReportedEvals.reset();
    }

    @AfterEach
    void restoreTheLifecycle() {
        Allure.setLifecycle(previousLifecycle);
    }

    @Test
    void everyRowGetsOneResultWithItsParametersTimesAndOneStepPerAttempt() throws IOException {
        TestExecutionSummary summary = runReportedEvals();
        assertThat(summary.getTestsFoundCount()).isEqualTo(6);

        Map<String, JsonNode> rows = rowResults("retried");
        assertThat(rows).containsOnlyKeys("flaky", "fails", "passes");
        JsonNode flaky = rows.get("flaky");
        assertThat(parameters(flaky)).containsEntry("question", "flaky")
                .containsEntry("status", "COMPLETED_WITH_RETRIES").containsEntry("attempts", "3")
                .containsEntry("score exact_match", "1.000");
        assertThat(flaky.path("status").asText()).isEqualTo("passed");
        assertThat(stepStatuses(flaky)).containsExactly("broken", "broken", "passed");
        assertThat(flaky.path("steps").get(0).path("statusDetails").path("message").asText())
                .contains("connection reset (call 1)");
        assertThat(flaky.path("steps").get(2).path("stop").asLong()).isEqualTo(flaky.path("stop").asLong());

        JsonNode fails = rows.get("fails");
        assertThat(fails.path("status").asText()).isEqualTo("failed");
        assertThat(parameters(fails)).containsEntry("status", "COMPLETED").containsEntry("score exact_match", "0.000");
        assertThat(stepStatuses(fails)).containsExactly("failed");
        assertThat(stepStatuses(rows.get("passes"))).containsExactly("passed");

        for (JsonNode row : rows.values()) {
            long start = row.path("start").asLong();
            assertThat(start).isPositive();
            assertThat(row.path("stop").asLong()).isGreaterThanOrEqualTo(start);
            assertThat(row.path("steps").get(0).path("start").asLong()).isEqualTo(start);
        }
    }

    @Test
    void overlappingRowsAreDrawnOnDistinctSlotThreads() throws IOException {
        runReportedEvals();

        Map<String, JsonNode> rows = rowResults("overlapping");

        assertThat(rows).containsOnlyKeys("q1", "q2", "q3");
        assertThat(rows.values().stream().map(row -> labels(row, "thread")).toList())
                .containsExactlyInAnyOrder(List.of("slot-1"), List.of("slot-2"), List.of("slot-3"));
    }

    @Test
    void eachRowIsWrittenExactlyOnce() throws IOException {
        runReportedEvals();

        List<String> uniqueIds = allResults().stream().flatMap(result -> labels(result, "junit.platform.uniqueid").stream())
                .filter(id -> id.contains("[row:"))
                .toList();

        assertThat(uniqueIds).hasSize(6).doesNotHaveDuplicates();
    }

    private TestExecutionSummary runReportedEvals() {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ReportedEvals.class))
                .filters(includeEngines("evals4j"))
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.retry.wait", "none")
                .configurationParameter("evals4j.reportDir", reports.toString())
                .build(), summary);
        return summary.getSummary();
    }

    /** The results of {@code method}'s rows, by row id. */
    private Map<String, JsonNode> rowResults(String method) throws IOException {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (JsonNode result : allResults()) {
            boolean ofMethod = labels(result, "junit.platform.uniqueid").stream()
                    .anyMatch(id -> id.contains("[method:" + method));
            if (ofMethod && parameters(result).containsKey("row")) {
                JsonNode earlier = rows.put(parameters(result).get("row"), result);
                assertThat(earlier).as("a second result for row %s", parameters(result).get("row")).isNull();
            }
        }
        return rows;
    }

    private List<JsonNode> allResults() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                all.add(JSON.readTree(file.toFile()));
            }
        }
        return all;
    }

    private static Map<String, String> parameters(JsonNode result) {
        Map<String, String> parameters = new LinkedHashMap<>();
        result.path("parameters").forEach(p -> parameters.put(p.path("name").asText(), p.path("value").asText()));
        return parameters;
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("labels").forEach(l -> {
            if (name.equals(l.path("name").asText())) {
                values.add(l.path("value").asText());
            }
        });
        return values;
    }

    private static List<String> stepStatuses(JsonNode result) {
        List<String> statuses = new ArrayList<>();
        result.path("steps").forEach(step -> statuses.add(step.path("status").asText()));
        return statuses;
    }
}

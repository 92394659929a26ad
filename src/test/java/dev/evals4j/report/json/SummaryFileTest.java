package dev.evals4j.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evals4j.report.fixtures.ReportedEvals;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

class SummaryFileTest {

    @TempDir
    Path reportDir;

    @BeforeEach
    void reset() {
        ReportedEvals.reset();
    }

    @Test
    void theRunWritesEveryMethodsSummaryToSummaryJsonInTheReportDirectory() throws IOException {
        Path nested = reportDir.resolve("not-yet/created");
        EngineTestKit.engine("evals4j")
                .selectors(selectClass(ReportedEvals.class))
                .configurationParameter("evals4j.progress", "off")
                .configurationParameter("evals4j.retry.wait", "none")
                .configurationParameter("evals4j.storage", "none")
                .configurationParameter("evals4j.reportDir", nested.toString())
                .execute();

        JsonNode document = new ObjectMapper().readTree(nested.resolve(SummaryFile.FILE_NAME).toFile());

        assertThat(document.path("finishedAt").asText()).isNotBlank();
        assertThat(document.path("methods")).hasSize(2);
        JsonNode retried = method(document, "ReportedEvals.retried");
        assertThat(retried.path("rows").asLong()).isEqualTo(3);
        assertThat(retried.path("passed").asLong()).isEqualTo(2);
        assertThat(retried.path("failed").asLong()).isEqualTo(1);
        assertThat(retried.path("errors").asLong()).isZero();
        assertThat(retried.path("retries").asLong()).isEqualTo(2);
        assertThat(retried.path("rateLimitHits").asLong()).isZero();
        assertThat(retried.path("accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(retried.path("accuracyInterval").path("low").asDouble()).isCloseTo(0.208, within(1e-3));
        assertThat(retried.path("accuracyInterval").path("high").asDouble()).isCloseTo(0.939, within(1e-3));
        assertThat(retried.path("meanScores").path("exact_match").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        JsonNode exactMatch = retried.path("scoreIntervals").path("exact_match");
        assertThat(exactMatch.path("mean").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(exactMatch.path("low").asDouble()).as("Wilson, as for a pass/fail score").isCloseTo(0.208, within(1e-3));
        assertThat(exactMatch.path("high").asDouble()).isCloseTo(0.939, within(1e-3));
        assertThat(exactMatch.path("count").asLong()).isEqualTo(3);
        assertThat(retried.path("peakConcurrency").asInt()).isEqualTo(1);
        assertThat(retried.path("repetitions").isNull()).isTrue();
        assertThat(retried.path("durationSeconds").asDouble()).isPositive();
        assertThat(retried.path("throughputPerSecond").asDouble()).isPositive();

        JsonNode overlapping = method(document, "ReportedEvals.overlapping");
        assertThat(overlapping.path("passed").asLong()).isEqualTo(3);
        assertThat(overlapping.path("peakConcurrency").asInt()).isEqualTo(3);
    }

    private static JsonNode method(JsonNode document, String name) {
        for (JsonNode method : document.path("methods")) {
            if (name.equals(method.path("name").asText())) {
                return method;
            }
        }
        throw new AssertionError("no summary for " + name + " in " + document);
    }
}
